/**
 * The demo videos the seed makes on a fresh start (seed-demo-videos.ts): short
 * clips from ffmpeg's own test sources, each a distinct picture with motion
 * and its own sound, small (640×360) so the ladder (240p + 360p) transcodes in
 * seconds on two cores. `channel` indexes the demo people the seed is given
 * (DEMO_CHANNELS); tags overlap, so videos have relatives to recommend.
 */
export type DemoVideo = {
  /** Stable name: the video's id is derived from it, so a second start finds it. */
  slug: string;
  title: string;
  description: string;
  tags: string[];
  channel: number;
  seconds: number;
  /** lavfi filter graphs (ffmpeg -f lavfi -i ...) for the picture and the sound. */
  picture: string;
  sound: string;
  /** Demo views (the count and the trending score start from it). */
  views: number;
  /** Posted oldest first by the demo people other than the owner (`by` indexes those). */
  comments: ReadonlyArray<{ by: number; text: string }>;
};

/** The demo people a clip's `channel` and a comment's `by` refer to, by username (server/accounts/demo-accounts.ts), in this order. */
export const DEMO_CHANNELS = ["alice", "bob", "carol", "dave"] as const;

export const DEMO_SIZE = { width: 640, height: 360, fps: 24 } as const;
const size = `${DEMO_SIZE.width}x${DEMO_SIZE.height}`;

export const DEMO_VIDEOS: readonly DemoVideo[] = [
  {
    slug: "colour-bars",
    title: "Colour bars at sunrise",
    description: "SMPTE colour bars slowly turning through the hues, with a gentle beep.\nMade by ffmpeg's smptebars source.",
    tags: ["test-pattern", "colour", "calm"],
    channel: 0,
    seconds: 8,
    picture: `smptebars=size=${size}:rate=${DEMO_SIZE.fps},hue=H=2*PI*t/8`,
    sound: "sine=frequency=440:beep_factor=2:sample_rate=48000",
    views: 1_840,
    comments: [{ by: 0, text: "The slow hue turn is oddly relaxing." }, { by: 1, text: "Calibrated my monitor with this, thanks!" }],
  },
  {
    slug: "test-card",
    title: "Test card in motion",
    description: "ffmpeg's testsrc2 card: a moving gradient, a counter and colour patches, over a rising tone.",
    tags: ["test-pattern", "motion"],
    channel: 1,
    seconds: 9,
    picture: `testsrc2=size=${size}:rate=${DEMO_SIZE.fps}`,
    sound: "aevalsrc=0.2*sin(2*PI*(220+30*t)*t):s=48000",
    views: 960,
    comments: [{ by: 0, text: "Watching the counter tick is strangely satisfying." }],
  },
  {
    slug: "mandelbrot",
    title: "Into the Mandelbrot set",
    description: "A slow zoom into the Mandelbrot set over a C major chord. Every frame is computed by ffmpeg.",
    tags: ["fractal", "math", "motion"],
    channel: 2,
    seconds: 10,
    // Computed at a quarter of the pixels and a low iteration cap: full size took 45 s to make on two cores.
    picture: `mandelbrot=size=320x180:rate=${DEMO_SIZE.fps}:maxiter=96,scale=${DEMO_SIZE.width}:${DEMO_SIZE.height}`,
    sound: "aevalsrc=0.08*sin(2*PI*261.63*t)+0.08*sin(2*PI*329.63*t)+0.08*sin(2*PI*392*t):s=48000",
    views: 3_120,
    comments: [{ by: 1, text: "How deep does it go?" }, { by: 0, text: "Forever, in theory. 96 iterations here." }, { by: 2, text: "The chord fits perfectly." }],
  },
  {
    slug: "game-of-life",
    title: "Conway's Game of Life",
    description: "Cells are born and die by Conway's rules: ffmpeg's life source, magnified, with soft pink noise.",
    tags: ["cellular-automaton", "math", "motion"],
    channel: 0,
    seconds: 10,
    picture: `life=size=160x90:rate=${DEMO_SIZE.fps}:ratio=0.15:mold=10:seed=7:life_color=#7ee787:death_color=#1f6feb,scale=${DEMO_SIZE.width}:${DEMO_SIZE.height}:flags=neighbor`,
    sound: "anoisesrc=color=pink:amplitude=0.05:sample_rate=48000",
    views: 540,
    comments: [{ by: 1, text: "A glider went right across the middle!" }],
  },
  {
    slug: "gradients",
    title: "Drifting gradients",
    description: "Soft colour gradients drifting across the frame, over a low hum. Good for checking banding.",
    tags: ["colour", "calm"],
    channel: 1,
    seconds: 8,
    picture: `gradients=size=${size}:rate=${DEMO_SIZE.fps}:speed=0.03`,
    sound: "sine=frequency=110:sample_rate=48000",
    views: 720,
    comments: [],
  },
  {
    slug: "rule-110",
    title: "Rule 110, scrolling",
    description: "The elementary cellular automaton rule 110, one new row per frame (ffmpeg's cellauto), with a ticking beat.",
    tags: ["cellular-automaton", "pattern"],
    channel: 2,
    seconds: 8,
    picture: `cellauto=rule=110:size=320x180:rate=${DEMO_SIZE.fps}:random_seed=7,scale=${DEMO_SIZE.width}:${DEMO_SIZE.height}:flags=neighbor`,
    sound: "sine=frequency=660:beep_factor=6:sample_rate=48000",
    views: 260,
    comments: [{ by: 2, text: "Rule 110 is Turing complete, which still amazes me." }],
  },
];
