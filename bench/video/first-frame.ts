import { chromium } from "@playwright/test";
import { ensureSystemProgram } from "../../scripts/stack/system-packages";

/**
 * Time to first frame as a viewer sees it: from navigation to the watch page
 * to the video's first `playing` event, in headless Debian Chromium over
 * loopback (muted, so autoplay is allowed). Median of `samples` fresh pages.
 */
export async function measureFirstFrame(watchUrl: string, samples: number): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: ensureSystemProgram("chromium"),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required"],
  });
  const times: number[] = [];
  try {
    for (let sample = 0; sample < samples; sample++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(watchUrl);
      const video = page.getByTestId("video-player");
      await video.waitFor();
      // Inline anonymous functions only: tsx names const-bound ones with a helper the page does not have.
      const playing = video.evaluate(
        (element: HTMLVideoElement) =>
          new Promise<void>((resolve) => {
            element.muted = true;
            element.addEventListener("playing", () => resolve(), { once: true });
          }),
      );
      // hls.js attaches its MediaSource once its chunk has loaded: play from then on.
      await page.waitForFunction((element) => Boolean((element as HTMLVideoElement | null)?.src), await video.elementHandle(), { polling: "raf" });
      await video.evaluate((element: HTMLVideoElement) => void element.play().catch(() => undefined));
      await playing;
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
