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

/** What gets a card: a message of the timeline (new or edited) or a thread reply. */
export type LinkPreviewTarget = { messageId: string } | { replyId: string };

/** Payload of `message-link-preview`. */
export type MessageLinkPreviewEvent = { conversationId: string; messageId: string; seq: number; linkPreview: LinkPreview };

/** Payload of `thread-reply-link-preview`: open thread panels of the parent fetch the thread again. */
export type ThreadReplyLinkPreviewEvent = { conversationId: string; parentId: string; replyId: string; linkPreview: LinkPreview };

/** A target as the job sees it: its text, the card it has, and how to store and push a new one. */
type Subject = {
  body: string;
  stored: LinkPreview | null;
  /** False when it was deleted or its text changed meanwhile (an edit brings its own job). */
  store: (linkPreview: LinkPreview) => Promise<boolean>;
  publish: (linkPreview: LinkPreview) => Promise<void>;
};

/**
 * The "chat-link-preview" job: the card of the first link of a message or
 * thread reply, from Redis or fetched by the platform's page-preview fetcher
 * (timeout, size cap, http(s) only, no private addresses), stored on it and
 * pushed to its conversation. Runs again harmlessly: a target whose card is
 * about its current first link is only pushed again. A card is stored only
 * while the text is the one it was read from, so a job for a link an edit
 * removed cannot bring the old card back. A page without a preview is not an
 * error (no retry): the target has no card.
 */
export async function attachLinkPreview({
  db,
  redis,
  target,
  fetchPreview = fetchPagePreview,
}: {
  db: Db;
  redis: Redis;
  target: LinkPreviewTarget;
  fetchPreview?: (url: string) => Promise<PagePreview | null>;
}): Promise<LinkPreview | null> {
  const subject = "messageId" in target ? await messageSubject(db, target.messageId) : await replySubject(db, target.replyId);
  const url = subject ? firstLinkIn(subject.body) : null;
  if (!subject || !url) return null;
  let linkPreview = subject.stored?.url === url ? subject.stored : null;
  if (!linkPreview) {
    const page = await cachedPagePreview(redis, url, fetchPreview);
    if (!page) return null;
    linkPreview = { url, title: page.title, description: page.description, image: page.image?.startsWith("https://") ? page.image : null };
    if (!(await subject.store(linkPreview))) return null;
  }
  await subject.publish(linkPreview);
  return linkPreview;
}

async function messageSubject(db: Db, messageId: string): Promise<Subject | null> {
  const message = await db.message.findUnique({ where: { id: messageId }, select: { conversationId: true, seq: true, body: true, deletedAt: true, linkPreview: true } });
  if (!message || message.deletedAt) return null;
  return {
    body: message.body,
    stored: readLinkPreview(message.linkPreview),
    store: async (linkPreview) => (await db.message.updateMany({ where: { id: messageId, deletedAt: null, body: message.body }, data: { linkPreview } })).count > 0,
    publish: async (linkPreview) => {
      const event: MessageLinkPreviewEvent = { conversationId: message.conversationId, messageId, seq: message.seq, linkPreview };
      await publishToConversation(message.conversationId, CHAT_EVENTS.messageLinkPreview, event);
    },
  };
}

async function replySubject(db: Db, replyId: string): Promise<Subject | null> {
  const reply = await db.threadReply.findUnique({
    where: { id: replyId },
    select: { parentId: true, body: true, deletedAt: true, linkPreview: true, parent: { select: { conversationId: true } } },
  });
  if (!reply || reply.deletedAt) return null;
  const { conversationId } = reply.parent;
  return {
    body: reply.body,
    stored: readLinkPreview(reply.linkPreview),
    store: async (linkPreview) => (await db.threadReply.updateMany({ where: { id: replyId, deletedAt: null, body: reply.body }, data: { linkPreview } })).count > 0,
    publish: async (linkPreview) => {
      const event: ThreadReplyLinkPreviewEvent = { conversationId, parentId: reply.parentId, replyId, linkPreview };
      await publishToConversation(conversationId, CHAT_EVENTS.threadReplyLinkPreview, event);
    },
  };
}

async function cachedPagePreview(redis: Redis, url: string, fetchPreview: (url: string) => Promise<PagePreview | null>): Promise<PagePreview | null> {
  const key = `chat:link-preview:${createHash("sha256").update(url).digest("base64url")}`;
  const cached = await redis.get(key);
  if (cached !== null) return JSON.parse(cached) as PagePreview | null;
  const preview = await fetchPreview(url);
  await redis.set(key, JSON.stringify(preview), "EX", preview ? LINK_PREVIEW_CACHE_SECONDS : NO_LINK_PREVIEW_CACHE_SECONDS);
  return preview;
}
