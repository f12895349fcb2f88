import { createHash } from "node:crypto";
import type { Db } from "@/server/platform/db";
import { fetchPagePreview, type PagePreview } from "@/server/platform/page-preview";
import type { Redis } from "@/server/platform/redis";
import { CHAT_EVENTS } from "../chat-channels";
import { publishToConversation } from "../publish-chat-events";
import { firstLinkIn } from "./first-link";
import { readLinkPreview, type LinkPreview } from "./link-preview";

/** A page's preview serves every message with the same link for a day; a page without one is asked again after an hour. */
export const LINK_PREVIEW_CACHE_SECONDS = 24 * 60 * 60;
export const NO_LINK_PREVIEW_CACHE_SECONDS = 60 * 60;

/** Payload of `message-link-preview`. */
export type MessageLinkPreviewEvent = { conversationId: string; messageId: string; seq: number; linkPreview: LinkPreview };

/**
 * The "chat-link-preview" job: the preview of a new message's first link,
 * from Redis or fetched by the platform's page-preview fetcher (timeout, size
 * cap, http(s) only, no private addresses), stored on the message and pushed
 * to its conversation. Runs again harmlessly: a message that has its preview
 * is only pushed again. A page without one is not an error (no retry): the
 * message has no card.
 */
export async function attachLinkPreview({
  db,
  redis,
  messageId,
  fetchPreview = fetchPagePreview,
}: {
  db: Db;
  redis: Redis;
  messageId: string;
  fetchPreview?: (url: string) => Promise<PagePreview | null>;
}): Promise<LinkPreview | null> {
  const message = await db.message.findUnique({ where: { id: messageId }, select: { conversationId: true, seq: true, body: true, deletedAt: true, linkPreview: true } });
  if (!message || message.deletedAt) return null;
  let linkPreview = readLinkPreview(message.linkPreview);
  if (!linkPreview) {
    const url = firstLinkIn(message.body);
    const page = url ? await cachedPagePreview(redis, url, fetchPreview) : null;
    if (!url || !page) return null;
    linkPreview = { url, title: page.title, description: page.description, image: page.image?.startsWith("https://") ? page.image : null };
    const updated = await db.message.updateMany({ where: { id: messageId, deletedAt: null }, data: { linkPreview } });
    if (updated.count === 0) return null;
  }
  const event: MessageLinkPreviewEvent = { conversationId: message.conversationId, messageId, seq: message.seq, linkPreview };
  await publishToConversation(message.conversationId, CHAT_EVENTS.messageLinkPreview, event);
  return linkPreview;
}

async function cachedPagePreview(redis: Redis, url: string, fetchPreview: (url: string) => Promise<PagePreview | null>): Promise<PagePreview | null> {
  const key = `chat:link-preview:${createHash("sha256").update(url).digest("base64url")}`;
  const cached = await redis.get(key);
  if (cached !== null) return JSON.parse(cached) as PagePreview | null;
  const preview = await fetchPreview(url);
  await redis.set(key, JSON.stringify(preview), "EX", preview ? LINK_PREVIEW_CACHE_SECONDS : NO_LINK_PREVIEW_CACHE_SECONDS);
  return preview;
}
