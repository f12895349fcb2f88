import path from "node:path";
import { candidateThumbnail, POSTER, THUMBNAIL_CANDIDATES } from "./video-files";

/**
 * One ffmpeg run for the still pictures: the poster (a frame a third of the
 * way in, at most 2 s: past a fade-in, before anything else) and the
 * candidate thumbnails the owner may choose instead, spread evenly through
 * the video (a quarter, half and three quarters in). Each is read by its own
 * input seek (`-ss` before `-i`: a jump to the keyframe, not a decode from
 * the start), at most 720 high. Output: `<outDir>/poster.jpg`, `thumb-<n>.jpg`.
 */
export function stillsCommand(options: { source: string; outDir: string; durationSeconds: number; height: number }): string[] {
  const { durationSeconds } = options;
  const stills = [
    { at: Math.min(2, durationSeconds / 3), file: POSTER },
    ...Array.from({ length: THUMBNAIL_CANDIDATES }, (_, index) => ({ at: (durationSeconds * (index + 1)) / (THUMBNAIL_CANDIDATES + 1), file: candidateThumbnail(index + 1) })),
  ];
  const args = ["-hide_banner", "-nostdin", "-y"];
  for (const still of stills) args.push("-ss", still.at.toFixed(2), "-i", options.source);
  stills.forEach((still, index) => {
    args.push("-map", `${index}:v:0`, "-frames:v", "1", "-vf", `scale=-2:${Math.min(720, options.height)}`, "-q:v", "3", path.join(options.outDir, still.file));
  });
  return args;
}
