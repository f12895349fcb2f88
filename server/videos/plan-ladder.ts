/**
 * The rungs an HLS ladder may have, named by the picture's short side (a
 * portrait 1080×1920 is "1080p", as on every video site), with the video
 * bitrate each is encoded at (x264 capped at 1.5× for peaks).
 */
export const LADDER = [
  { size: 240, videoKbps: 400, audioKbps: 64 },
  { size: 360, videoKbps: 800, audioKbps: 96 },
  { size: 480, videoKbps: 1_400, audioKbps: 128 },
  { size: 720, videoKbps: 2_800, audioKbps: 128 },
  { size: 1080, videoKbps: 5_000, audioKbps: 160 },
] as const;

export type Rung = { name: string; width: number; height: number; videoKbps: number; audioKbps: number };

/**
 * Every rung up to the source's own size, never above (no upscaling), each
 * keeping the source's aspect ratio with even dimensions (H.264 4:2:0 needs
 * them). A source smaller than the lowest rung gets one rung of its own size.
 */
export function planLadder(source: { width: number; height: number }): Rung[] {
  const shortSide = Math.min(source.width, source.height);
  const landscape = source.width >= source.height;
  const fitting = LADDER.filter((rung) => rung.size <= shortSide);
  const rungs = fitting.length > 0 ? fitting : [{ ...LADDER[0], size: even(shortSide) }];
  return rungs.map((rung) => {
    const longSide = even((rung.size * Math.max(source.width, source.height)) / shortSide);
    const size = even(rung.size);
    return {
      name: `${size}p`,
      width: landscape ? longSide : size,
      height: landscape ? size : longSide,
      videoKbps: rung.videoKbps,
      audioKbps: rung.audioKbps,
    };
  });
}

function even(value: number): number {
  return Math.max(2, 2 * Math.round(value / 2));
}
