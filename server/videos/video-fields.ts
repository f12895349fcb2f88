import { z } from "zod";

/** What an uploader says about a video; shared by the upload's metadata and (later) editing. */
export const VIDEO_VISIBILITIES = ["public", "unlisted", "private"] as const;
export type VideoVisibilityName = (typeof VIDEO_VISIBILITIES)[number];

export const VideoTitle = z.string().trim().min(1, "Give the video a title.").max(100, "Titles are at most 100 characters.");
export const VideoDescription = z.string().trim().max(5_000, "Descriptions are at most 5,000 characters.");
export const VideoTags = z
  .array(z.string().trim().toLowerCase().min(1).max(30, "Tags are at most 30 characters."))
  .max(10, "At most 10 tags.")
  .transform((tags) => [...new Set(tags)]);
export const VideoVisibility = z.enum(VIDEO_VISIBILITIES);

export const VideoDetails = z.object({
  title: VideoTitle,
  description: VideoDescription.default(""),
  tags: VideoTags.default([]),
  visibility: VideoVisibility.default("public"),
});
export type VideoDetails = z.infer<typeof VideoDetails>;
