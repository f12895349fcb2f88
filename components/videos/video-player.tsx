"use client";

// The light build (hls-light.d.ts says what it leaves out). Imported statically, not import()ed: its chunk
// is then one of the page's own scripts, requested with the HTML alongside the others, where an import()
// started only once they had all arrived and run, putting its 366 KB last on the way to the first frame.
import Hls from "hls.js/light";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import type { CaptionTrack } from "@/server/videos/captions/caption-tracks";
import { adoptHeadStart, createHls } from "./hls-head-start";
import { SeekBar } from "./seek-bar";
import { formatDuration } from "./video-format";

type Level = { index: number; height: number; width: number };
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
const SEEK_SECONDS = 5;
const NO_CAPTIONS: CaptionTrack[] = [];
/** While playing, where the player is goes to the server this often (and on pause; on leaving, onLeave says). */
export const POSITION_EVERY_MS = 10_000;

/**
 * What the watch page hears from the player: the first frame ready to show
 * (what waits for the picture may load), the first play (a view), where
 * it is while it plays (resume, history), where it was when the viewer left
 * (the tab hidden or closed, another page opened: the page may be going away),
 * the end (up next).
 */
export type PlayerReports = {
  onFirstFrame?: () => void;
  onFirstPlay?: () => void;
  onPosition?: (seconds: number) => void;
  onLeave?: (seconds: number) => void;
  onEnded?: () => void;
};

/**
 * The HLS player: hls.js where Media Source Extensions exist (it starts low
 * and adapts), the browser's own HLS otherwise (Safari). Native controls for
 * play, seek and volume; a seek bar with storyboard previews under it
 * (seek-bar.tsx); captions (a CC menu; the page draws the cue text over
 * the picture from the chosen <track>); a quality menu (Auto, showing the level it picked,
 * or one rendition) and a speed menu under it. Keyboard, with the player
 * focused: space or k play/pause, ←/→ seek 5 s, f full screen, m mute.
 * `autoPlay` (the next video after a countdown) starts at once, muted if
 * the browser refuses sound without a click, as video sites do.
 */
export function VideoPlayer({
  src,
  poster,
  storyboardUrl = null,
  captions = NO_CAPTIONS,
  title,
  startAt = null,
  autoPlay = false,
  onFirstFrame,
  onFirstPlay,
  onPosition,
  onLeave,
  onEnded,
}: { src: string; poster: string | null; storyboardUrl?: string | null; captions?: CaptionTrack[]; title: string; startAt?: number | null; autoPlay?: boolean } & PlayerReports) {
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const hls = useRef<Hls | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  const [chosen, setChosen] = useState(-1);
  const [playing, setPlaying] = useState<number | null>(null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);
  const [captionLanguage, setCaptionLanguage] = useState("");
  const [cue, setCue] = useState<{ language: string; text: string } | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const captionsId = useId();
  const qualityId = useId();
  const speedId = useId();
  // The latest callbacks, read by listeners set up once per source.
  const reports = useRef<PlayerReports>({});
  useEffect(() => {
    reports.current = { onFirstFrame, onFirstPlay, onPosition, onLeave, onEnded };
  });
  // Where it resumes is decided once: the page's copy of my position moves on as I watch and leave.
  const [resumeAt] = useState(startAt);
  const startRef = useRef(resumeAt);
  const autoPlayRef = useRef(autoPlay);

  // Declared before the hls.js effect on purpose: React runs cleanups in declaration order, and this
  // one must read where the player was before hls.js lets go of the <video> (its currentTime falls to 0).
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let played = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const report = () => {
      if (played) reports.current.onPosition?.(element.currentTime);
    };
    // Closing the tab fires both pagehide and visibilitychange: one position is enough.
    let leftAt: number | null = null;
    const leave = () => {
      if (!played || element.currentTime === leftAt) return;
      leftAt = element.currentTime;
      reports.current.onLeave?.(element.currentTime);
    };
    const onPlaying = () => {
      if (!played) reports.current.onFirstPlay?.();
      played = true;
      leftAt = null;
      clearInterval(timer);
      timer = setInterval(report, POSITION_EVERY_MS);
    };
    const onPause = () => {
      clearInterval(timer);
      report();
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") leave();
    };
    const onEnd = () => reports.current.onEnded?.();
    const onLoadedData = () => reports.current.onFirstFrame?.();
    // hls.js starts on the server's <video> before the page hydrates (hls-head-start.ts): the first frame may
    // be in already, and the viewer may have pressed play (the browser's own controls work before hydration).
    if (element.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) onLoadedData();
    if (!element.paused) onPlaying();
    element.addEventListener("loadeddata", onLoadedData);
    element.addEventListener("playing", onPlaying);
    element.addEventListener("pause", onPause);
    element.addEventListener("ended", onEnd);
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", leave);
    return () => {
      // Leaving for another page of the app (or another video): where it was is kept.
      leave();
      clearInterval(timer);
      element.removeEventListener("loadeddata", onLoadedData);
      element.removeEventListener("playing", onPlaying);
      element.removeEventListener("pause", onPause);
      element.removeEventListener("ended", onEnd);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", leave);
    };
  }, [src]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // Chromium answers canPlayType(HLS) "maybe" without playing it: hls.js first wherever it works.
    if (!Hls.isSupported()) {
      element.src = src;
      if (autoPlayRef.current) startPlaying(element);
      const from = startRef.current;
      if (from) element.addEventListener("loadedmetadata", () => (element.currentTime = from), { once: true });
      return;
    }
    // Usually hls.js is already at work on this <video>, started before the page hydrated; then what it
    // did before now (the playlist parsed, a level switched to, a fatal error) is read from it.
    const headStart = adoptHeadStart(element, src);
    // Resuming: hls.js loads from the saved position instead of the start.
    const player = headStart?.player ?? createHls(startRef.current);
    hls.current = player;
    player.on(Hls.Events.MANIFEST_PARSED, (_event, data) => setLevels(levelsOf(data.levels)));
    player.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => setPlaying(data.level));
    player.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) setFailed(true);
    });
    if (headStart) {
      setLevels(levelsOf(player.levels));
      if (player.currentLevel >= 0) setPlaying(player.currentLevel);
      if (headStart.failed) setFailed(true);
    } else {
      player.loadSource(src);
      player.attachMedia(element);
    }
    if (autoPlayRef.current) startPlaying(element);
    return () => {
      player.destroy();
      hls.current = null;
    };
  }, [src]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let chosen: TextTrack | null = null;
    for (const track of Array.from(element.textTracks)) {
      const wanted = captionLanguage !== "" && track.kind === "subtitles" && track.language === captionLanguage;
      // Hidden, not showing: the cues load and change, and the page draws them (styled, and readable by tests and screen readers alike).
      track.mode = wanted ? "hidden" : "disabled";
      if (wanted) chosen = track;
    }
    if (!chosen) return;
    const track = chosen;
    const show = () => {
      const text = Array.from(track.activeCues ?? [])
        .map((active) => (active instanceof VTTCue ? (active.getCueAsHTML().textContent ?? "") : ""))
        .join("\n");
      setCue({ language: track.language, text });
    };
    track.addEventListener("cuechange", show);
    return () => track.removeEventListener("cuechange", show);
  }, [captionLanguage, captions]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === frame.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  // The player's frame goes full screen, not the <video>: the captions drawn over the picture and the
  // menus stay with it (a <video> in the browser's own full screen shows nothing of the page).
  const toggleFullscreen = () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen();
    // Refused (no user gesture, or a frame without allowfullscreen): the player stays as it is, which says so.
    void request?.catch(() => undefined);
  };

  const chooseLevel = (index: number) => {
    setChosen(index);
    // -1 hands the choice back to hls.js's bandwidth estimate.
    if (hls.current) hls.current.currentLevel = index;
  };
  const chooseSpeed = (value: number) => {
    setSpeed(value);
    if (video.current) video.current.playbackRate = value;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const element = video.current;
    // The controls inside the frame keep their own keys (space on a button, arrows on the seek bar and menus).
    if (!element || event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement || event.target instanceof HTMLButtonElement) return;
    const actions: Record<string, () => void> = {
      " ": () => void (element.paused ? element.play() : element.pause()),
      k: () => void (element.paused ? element.play() : element.pause()),
      ArrowLeft: () => (element.currentTime = Math.max(0, element.currentTime - SEEK_SECONDS)),
      ArrowRight: () => (element.currentTime = Math.min(element.duration || Infinity, element.currentTime + SEEK_SECONDS)),
      m: () => (element.muted = !element.muted),
      c: () => setCaptionLanguage((current) => (current === "" ? (captions[0]?.language ?? "") : "")),
      f: toggleFullscreen,
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const captionText = cue !== null && cue.language === captionLanguage ? cue.text : "";
  const label = (level: Level | undefined) => (level ? `${Math.min(level.width, level.height)}p` : "");
  const autoLabel = chosen === -1 && playing !== null ? `Auto (${label(levels[playing])})` : "Auto";

  return (
    // The frame goes full screen with everything of the player in it: the picture with its captions, the seek bar and
    // the menus (a <video> in the browser's own full screen shows its native controls only).
    <div
      ref={frame}
      role="group"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={`Video player: ${title}. Space or K plays and pauses, arrows seek, F full screen, M mute, C captions.`}
      className="space-y-3 rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent [&:fullscreen]:flex [&:fullscreen]:flex-col [&:fullscreen]:justify-center [&:fullscreen]:rounded-none [&:fullscreen]:bg-bg [&:fullscreen]:p-4"
    >
      <div className="relative overflow-hidden rounded-xl bg-black [:fullscreen>&]:min-h-0 [:fullscreen>&]:flex-1">
        {/* The browser's own full-screen button would take the <video> alone: the one below (and F, and a double click) takes the frame. */}
        {/* data-hls-src and data-start-at are what hls-head-start.ts starts from; it sets src before hydration, hence suppressHydrationWarning. */}
        <video
          ref={video}
          controls
          controlsList="nofullscreen"
          playsInline
          poster={poster ?? undefined}
          onDoubleClick={toggleFullscreen}
          className="aspect-video w-full [:fullscreen_&]:h-full"
          data-testid="video-player"
          data-hls-src={src}
          data-start-at={resumeAt ?? undefined}
          suppressHydrationWarning
        >
          {captions.map((track) => (
            <track key={track.url} kind="subtitles" src={track.url} srcLang={track.language} label={track.label} />
          ))}
        </video>
        {captionText ? (
          <div className="pointer-events-none absolute inset-x-0 bottom-14 flex justify-center px-4" data-testid="captions">
            <p className="rounded bg-black/75 px-2 py-1 text-center text-lg whitespace-pre-line text-white">{captionText}</p>
          </div>
        ) : null}
      </div>
      <SeekBar videoRef={video} storyboardUrl={storyboardUrl} />
      {resumeAt !== null ? <p className="text-sm text-muted" data-testid="resume-note">{`Resuming where you stopped, at ${formatDuration(resumeAt)}.`}</p> : null}
      {failed ? <p role="alert" className="text-sm text-danger">This video could not be played. Reload the page to try again.</p> : null}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        {captions.length > 0 ? (
          <label htmlFor={captionsId} className="flex items-center gap-2 text-muted">
            Captions
            <select id={captionsId} value={captionLanguage} onChange={(event) => setCaptionLanguage(event.target.value)} className="rounded-md border border-border bg-surface px-2 py-1 text-fg">
              <option value="">Off</option>
              {captions.map((track) => (
                <option key={track.language} value={track.language}>
                  {track.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label htmlFor={qualityId} className="flex items-center gap-2 text-muted">
          Quality
          <select id={qualityId} value={chosen} onChange={(event) => chooseLevel(Number(event.target.value))} className="rounded-md border border-border bg-surface px-2 py-1 text-fg" disabled={levels.length === 0}>
            <option value={-1}>{autoLabel}</option>
            {levels.map((level) => (
              <option key={level.index} value={level.index}>
                {label(level)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={speedId} className="flex items-center gap-2 text-muted">
          Speed
          <select id={speedId} value={speed} onChange={(event) => chooseSpeed(Number(event.target.value))} className="rounded-md border border-border bg-surface px-2 py-1 text-fg">
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value === 1 ? "Normal" : `${value}×`}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" size="sm" onClick={toggleFullscreen}>
          {fullscreen ? "Exit full screen" : "Full screen"}
        </Button>
        {playing !== null ? (
          <span className="text-muted" data-testid="playing-level">
            Playing {label(levels[playing])}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function levelsOf(levels: readonly { height: number; width: number }[]): Level[] {
  return levels.map((level, index) => ({ index, height: level.height, width: level.width }));
}

/** Plays with sound if the browser allows it, muted otherwise; refused even muted, the play button stays for the viewer. */
function startPlaying(element: HTMLVideoElement): void {
  element.play().catch(() => {
    element.muted = true;
    return element.play().catch(() => undefined);
  });
}
