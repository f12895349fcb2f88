import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import { captionsKey } from "../video-files";

export const RemoveCaptionsInput = z.object({ videoId: z.string().min(1).max(64), language: z.string().min(2).max(20) });

/** The owner removes a language's captions, the file too. Anyone else is told the video does not exist. */
export async function removeCaptions({ db, storage, ownerId, input }: { db: Db; storage: Pick<ObjectStore, "deleteObject">; ownerId: string; input: z.infer<typeof RemoveCaptionsInput> }) {
  const video = await db.video.findFirst({ where: { id: input.videoId, ownerId }, select: { captions: { where: { language: input.language }, select: { file: true } } } });
  if (!video) throw new AppError("NOT_FOUND", "This video does not exist or is not yours.");
  const track = video.captions[0];
  if (!track) throw new AppError("NOT_FOUND", "This video has no captions in that language.");
  await db.videoCaption.deleteMany({ where: { videoId: input.videoId, language: input.language } });
  await storage.deleteObject(captionsKey(input.videoId, track.file));
  return { removed: true as const };
}
