import { chromium, type Page } from "@playwright/test";
import { ensureSystemProgram } from "../../scripts/stack/system-packages";

/** A seek not answered within this long counts as no sample (and is said), never as a hang of the bench. */
const SEEK_TIMEOUT_MS = 10_000;

/**
 * Time to first frame as a viewer sees it: from navigation to the watch page
 * to the video's first `playing` event, in headless Debian Chromium over
 * loopback, per fresh page, in the page's own clock (ms from navigation
 * start). The page plays the video (muted, so autoplay is allowed) the moment
 * the player has attached its source, as a viewer pressing play at once
 * would: an init script does it inside the page, so no round trip between
 * the bench and the browser sits on the measured path (on a busy machine
 * those took 100–500 ms between the player being ready and the play). Then,
 * on the same page, a seek to 3 s before the end, taken at once (so that
 * part is not buffered yet; a sample whose target was already buffered is
 * dropped): the time from setting currentTime to `seeked`, when the new
 * position can play.
 */
export async function measureFirstFrame(watchUrl: string, samples: number, log: (line: string) => void): Promise<{ firstFrame: number[]; seek: number[] }> {
  const browser = await chromium.launch({
    executablePath: ensureSystemProgram("chromium"),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required"],
  });
  const times: number[] = [];
  const seeks: number[] = [];
  try {
    for (let sample = 0; sample < samples; sample++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Inline anonymous functions only: tsx names const-bound ones with a helper the page does not have.
      // Runs before the page's own scripts: hls.js attaching its MediaSource sets the <video>'s src, and the
      // observer plays it right after, in a microtask of that same task.
      await page.addInitScript(() => {
        const marks = { attached: 0, playing: 0 };
        Object.assign(window, { benchFirstFrame: marks });
        new MutationObserver((records, observer) => {
          for (const record of records) {
            const element = record.target;
            if (!(element instanceof HTMLVideoElement) || element.dataset.testid !== "video-player" || !element.src) continue;
            observer.disconnect();
            marks.attached = performance.now();
            element.addEventListener("playing", () => (marks.playing = performance.now()), { once: true });
            element.muted = true;
            void element.play().catch(() => undefined);
            return;
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ["src"] });
      });
      await page.goto(watchUrl, { waitUntil: "commit" });
      const played = await page.waitForFunction(() => {
        const marks = (window as unknown as { benchFirstFrame?: { attached: number; playing: number } }).benchFirstFrame;
        return marks && marks.playing > 0 ? marks : null;
      });
      const { attached: attachedAt, playing: playingAt } = (await played.jsonValue()) as { attached: number; playing: number };
      times.push(Math.round(playingAt));
      log(`  sample ${sample + 1}: ${times.at(-1)} ms; ${await milestones(page, attachedAt, playingAt)}`);
      const video = page.getByTestId("video-player");
      // -1: the target was buffered already (not a seek to an unbuffered position); -2: no `seeked` in time.
      const seek = await video.evaluate(
        (element: HTMLVideoElement, timeoutMs: number) =>
          new Promise<number>((resolve) => {
            const target = Math.max(0, element.duration - 3);
            for (let index = 0; index < element.buffered.length; index++) {
              if (element.buffered.start(index) <= target && target <= element.buffered.end(index)) return resolve(-1);
            }
            const seekStarted = performance.now();
            element.addEventListener("seeked", () => resolve(performance.now() - seekStarted), { once: true });
            setTimeout(() => resolve(-2), timeoutMs);
            element.currentTime = target;
          }),
        SEEK_TIMEOUT_MS,
      );
      if (seek >= 0) seeks.push(Math.round(seek));
      else console.log(seek === -1 ? "  seek sample dropped: the end was already buffered" : `  seek sample dropped: no 'seeked' within ${SEEK_TIMEOUT_MS} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { firstFrame: times, seek: seeks };
}

/**
 * Where a sample's time went, in the page's clock (ms from navigation start):
 * the HTML, the last script, the last tRPC answer before `playing`, the
 * master playlist asked for (from the page's <head> when preloaded), the
 * first segment received, hls.js attached (the page plays from then on),
 * `playing`; and how many playlist and segment requests there were by then
 * (a preload hls.js did not reuse shows as one more).
 */
async function milestones(page: Page, attachedAt: number, playingAt: number): Promise<string> {
  const marks = await page.evaluate((playedAt: number) => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const resources = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) => entry.startTime < playedAt);
    const media = resources.filter((entry) => /\.(m3u8|mp4|m4s|ts)$/.test(new URL(entry.name).pathname));
    return {
      html: navigation?.responseEnd ?? 0,
      scripts: Math.max(0, ...resources.filter((entry) => entry.initiatorType === "script").map((entry) => entry.responseEnd)),
      trpc: Math.max(0, ...resources.filter((entry) => entry.name.includes("/api/trpc/")).map((entry) => entry.responseEnd)),
      master: media.find((entry) => entry.name.includes("master.m3u8"))?.startTime ?? 0,
      segment: media.find((entry) => /\.(m4s|ts)$/.test(entry.name))?.responseEnd ?? 0,
      requests: media.length,
    };
  }, playingAt);
  const { requests, ...times } = { ...marks, attached: attachedAt, playing: playingAt };
  return `${Object.entries(times)
    .map(([name, at]) => `${name} ${Math.round(at)}`)
    .join(", ")}; ${requests} HLS requests`;
}
