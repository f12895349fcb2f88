import { z } from "zod";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { Redis } from "@/server/platform/redis";
import { notifyFeed, type FeedActor } from "@/server/feed/feed-actor";
import { limitFeedAction } from "@/server/feed/feed-limits";
import { hydratePosts } from "@/server/feed/hydrate/hydrate-posts";
import type { PostView } from "@/server/feed/hydrate/post-view";
import { publishEntry } from "@/server/feed/timeline/publish-entry";
import { IMAGE_ALT_MAX_LENGTH, POST_IMAGES_MAX } from "@/server/feed/media/post-image-limits";
import { getLivePostOrThrow } from "./get-live-post-or-throw";
import { notifyMentions } from "./notify-mentions";
import { PostId } from "./post-id";
import { POST_MAX_LENGTH, hashtags, postLength } from "./post-text";

export const CreatePostInput = z.object({
  // Generous on the wire; the real limit is counted below as a person counts.
  text: z.string().max(POST_MAX_LENGTH * 16),
  replyToId: PostId.nullish(),
  quoteOfId: PostId.nullish(),
  /** Pictures uploaded through POST /api/feed/images, in the order shown. */
  images: z
    .array(z.object({ id: z.string().uuid(), alt: z.string().trim().max(IMAGE_ALT_MAX_LENGTH, `Alt text is at most ${IMAGE_ALT_MAX_LENGTH} characters.`) }))
    .max(POST_IMAGES_MAX, `A post can have at most ${POST_IMAGES_MAX} pictures.`)
    .default([]),
});

/**
 * A post, reply or quote: up to 280 characters as a person counts them
 * (post-text.ts) and up to 4 of the author's own uploaded pictures, at least
 * one of the two, rate-limited per author. A reply joins its parent's thread
 * and notifies the parent's author; a quote of a repost quotes the original.
 * Posts and quotes are then published to timelines (publish-entry.ts);
 * replies live in their thread.
 */
export async function createPost({ db, redis, actor, input }: { db: Db; redis: Redis; actor: FeedActor; input: z.input<typeof CreatePostInput> }): Promise<PostView> {
  const { text: raw, replyToId, quoteOfId, images } = CreatePostInput.parse(input);
  const text = raw.trim().normalize("NFC");
  const length = postLength(text);
  if (length === 0 && images.length === 0) throw new AppError("BAD_REQUEST", "Write something or add a picture first.", { field: "text" });
  if (length > POST_MAX_LENGTH) {
    throw new AppError("BAD_REQUEST", `Posts are at most ${POST_MAX_LENGTH} characters; this one is ${length}.`, { field: "text" });
  }
  await limitFeedAction("feed-post", actor.id);

  const [parent, quoted] = await Promise.all([
    replyToId ? getLivePostOrThrow(db, BigInt(replyToId), actor.id) : null,
    quoteOfId ? getLivePostOrThrow(db, BigInt(quoteOfId), actor.id) : null,
  ]);
  const post = await db.$transaction(async (tx) => {
    const created = await tx.post.create({
      data: {
        authorId: actor.id,
        text,
        replyToId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        quoteOfId: quoted?.id ?? null,
        tags: { create: hashtags(text).map((tag) => ({ tag, authorId: actor.id })) },
      },
      select: { id: true },
    });
    await attachImages(tx, { postId: created.id, uploaderId: actor.id, images });
    return created;
  });
  const postId = post.id.toString();
  if (parent) {
    await notifyFeed(db, parent.authorId, "feed.reply", actor, { postId, parentId: parent.id.toString(), preview: text.slice(0, 140) });
  } else {
    await publishEntry({ db, redis, authorId: actor.id, postId: post.id });
  }
  if (quoted) await notifyFeed(db, quoted.authorId, "feed.quote", actor, { postId, preview: text.slice(0, 140) });
  await notifyMentions({ db, actor, postId, text, alreadyNotified: [parent?.authorId, quoted?.authorId] });

  const [hydrated] = await hydratePosts(db, [post.id], actor.id);
  const view = hydrated?.view;
  if (!view) throw new AppError("INTERNAL", "The post was stored but could not be read back.");
  return view;
}

/**
 * Gives the post its pictures, each only if the author uploaded it and no
 * post has it yet (one conditional update each, so two posts racing for the
 * same picture cannot both take it); otherwise the whole post is refused.
 */
async function attachImages(tx: Prisma.TransactionClient, { postId, uploaderId, images }: { postId: bigint; uploaderId: string; images: ReadonlyArray<{ id: string; alt: string }> }): Promise<void> {
  if (new Set(images.map((image) => image.id)).size !== images.length) throw new AppError("BAD_REQUEST", "The same picture was added twice.", { field: "images" });
  for (const [position, image] of images.entries()) {
    const { count } = await tx.postImage.updateMany({ where: { id: image.id, uploaderId, postId: null }, data: { postId, position, alt: image.alt } });
    if (count !== 1) throw new AppError("BAD_REQUEST", "A picture is no longer available: remove it and add it again.", { field: "images" });
  }
}
