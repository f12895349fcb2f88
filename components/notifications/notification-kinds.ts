import type { NotificationView } from "@/server/platform/notification-view";

/**
 * How each kind of notification reads: a title, a line of detail and where
 * clicking it goes. Systems add their kinds here, one line each; a kind with
 * no row is still shown, from `payload.title`/`payload.body` or its name.
 */
export type NotificationDisplay = {
  title: string;
  body?: string;
  href?: string;
  /** The page that shows what it is about already (a chat's own page): no toast pops up there. */
  about?: string;
};

type Payload = Record<string, unknown>;

const ORDER_STATUS_PHRASES: Record<string, string> = {
  paid: "is confirmed: payment received",
  preparing: "is being prepared",
  shipped: "has shipped",
  delivered: "was delivered",
  cancelled: "was cancelled",
  refunded: "was refunded",
};

const KINDS: Record<string, (payload: Payload) => NotificationDisplay> = {
  welcome: () => ({
    title: "Welcome to Casebook",
    body: "Your account is ready. Shorten a link, post to your feed or start a chat.",
    href: "/",
  }),
  "link.milestone": (p) => ({
    title: `Your link ${text(p.code) ? `${text(p.code)} ` : ""}reached ${count(p.clicks)} clicks`,
    href: text(p.code) ? `/links/${encodeURIComponent(text(p.code) ?? "")}` : "/links",
  }),
  "chat.message": (p) => ({
    title: `New message from ${text(p.senderName) ?? "someone"}`,
    body: text(p.preview),
    href: "/chat",
    about: conversationPage(p.conversationId),
  }),
  "chat.mention": (p) => ({
    title: `${text(p.senderName) ?? "Someone"} mentioned you`,
    body: text(p.preview),
    href: "/chat",
    about: conversationPage(p.conversationId),
  }),
  "chat.thread-reply": (p) => ({
    title: `${text(p.senderName) ?? "Someone"} replied in your thread`,
    body: text(p.preview),
    href: "/chat",
    about: conversationPage(p.conversationId),
  }),
  "shop.order-status": (p) => ({
    title: `Order${typeof p.number === "number" ? ` #${p.number}` : ""} ${ORDER_STATUS_PHRASES[text(p.status) ?? ""] ?? "was updated"}`,
    href: text(p.orderId) ? `/shop/orders/${encodeURIComponent(text(p.orderId) ?? "")}` : "/shop/orders",
  }),
  "feed.like": (p) => ({ title: `${actor(p)}${andOthers(p)} liked your post`, href: feedPostHref(p.postId) }),
  "feed.repost": (p) => ({ title: `${actor(p)}${andOthers(p)} reposted your post`, href: feedPostHref(p.postId) }),
  "feed.reply": (p) => ({ title: `${actor(p)} replied to your post`, body: text(p.preview), href: feedPostHref(p.postId) }),
  "feed.quote": (p) => ({ title: `${actor(p)} quoted your post`, body: text(p.preview), href: feedPostHref(p.postId) }),
  "feed.mention": (p) => ({ title: `${actor(p)} mentioned you`, body: text(p.preview), href: feedPostHref(p.postId) }),
  "feed.follow": (p) => ({ title: `${actor(p)}${andOthers(p)} followed you`, href: text(p.actorUsername) ? `/feed/u/${encodeURIComponent(text(p.actorUsername) ?? "")}` : "/feed" }),
};

/** Feed notifications name who acted (server/feed/feed-actor.ts). */
function actor(p: Payload): string {
  return text(p.actorName) ?? "Someone";
}

/** Grouped Feed notifications count the other people in the group (server/feed/notifications/fold-notification-group.ts). */
function andOthers(p: Payload): string {
  const others = Number(text(p.others) ?? 0);
  if (!Number.isInteger(others) || others <= 0) return "";
  return others >= 99 ? " and 99+ others" : ` and ${others} ${others === 1 ? "other" : "others"}`;
}

function feedPostHref(postId: unknown): string {
  const id = text(postId);
  return id && /^\d+$/.test(id) ? `/feed/posts/${id}` : "/feed";
}

export function describeNotification(notification: Pick<NotificationView, "kind" | "payload">): NotificationDisplay {
  const { kind, payload } = notification;
  const render = KINDS[kind];
  const display = render ? render(payload) : { title: text(payload.title) ?? humanize(kind), body: text(payload.body) ?? text(payload.message) };
  // A payload may point somewhere more specific, but only within this site.
  const href = safeHref(payload.href) ?? display.href;
  return { title: display.title, ...(display.body ? { body: display.body } : {}), ...(href ? { href } : {}), ...(display.about ? { about: display.about } : {}) };
}

function conversationPage(conversationId: unknown): string | undefined {
  const id = text(conversationId);
  return id ? `/chat/${encodeURIComponent(id)}` : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, 300) : undefined;
}

function count(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toLocaleString("en") : "more";
}

/** "link.milestone" → "Link milestone". */
function humanize(kind: string): string {
  const words = kind.replace(/[._-]+/g, " ").trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : "Notification";
}

/** Same-site paths only: never `//host`, `/\host` or another scheme. */
function safeHref(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  return value;
}
