/**
 * The Pusher Channels protocol, version 7, as the gateway speaks it: event
 * names, error codes, channel kinds and the JSON framing.
 * Reference: https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol
 */

export const PROTOCOL_VERSION = 7;

export const PusherEvent = {
  connectionEstablished: "pusher:connection_established",
  error: "pusher:error",
  ping: "pusher:ping",
  pong: "pusher:pong",
  subscribe: "pusher:subscribe",
  unsubscribe: "pusher:unsubscribe",
  signin: "pusher:signin",
  signinSuccess: "pusher:signin_success",
  subscriptionError: "pusher:subscription_error",
  subscriptionSucceeded: "pusher_internal:subscription_succeeded",
  memberAdded: "pusher_internal:member_added",
  memberRemoved: "pusher_internal:member_removed",
} as const;

/**
 * Error codes sent in `pusher:error` and as WebSocket close codes. pusher-js
 * decides what to do from the range of the close code: 4000–4099 never
 * reconnect, 4100–4199 reconnect after a back-off, 4200–4299 reconnect at once,
 * 4300+ are informational. `closes` says whether the gateway ends the
 * connection after sending it.
 */
export const GatewayError = {
  APP_NOT_FOUND: { code: 4001, closes: true, message: "Application does not exist" },
  UNSUPPORTED_PROTOCOL: { code: 4007, closes: true, message: "Unsupported protocol version: this gateway speaks protocol 7" },
  NO_PROTOCOL: { code: 4008, closes: true, message: "No protocol version supplied" },
  /** A browser page from an origin the gateway does not serve (see origin-policy.ts); 40xx: pusher-js does not retry. */
  ORIGIN_NOT_ALLOWED: { code: 4009, closes: true, message: "Connection is unauthorized: origin not allowed" },
  /** A pusher:signin whose signature or user_data is wrong; the connection stays, unauthenticated. */
  SIGNIN_REFUSED: { code: 4009, closes: false, message: "Connection is unauthorized" },
  /** A client that cannot read its messages as fast as they come in; it backs off and reconnects. */
  SLOW_CONSUMER: { code: 4100, closes: true, message: "Over capacity: the connection is not reading its messages" },
  /** Sent to every socket on shutdown, so clients reconnect (to another gateway) straight away. */
  GOING_AWAY: { code: 4200, closes: true, message: "Gateway is restarting, please reconnect" },
  /**
   * terminate_connections: the app asked to drop this user's connections (e.g. removed from a conversation).
   * pusher-js reconnects at once, signs in and subscribes again, and the app refuses what it no longer allows.
   */
  TERMINATED: { code: 4200, closes: true, message: "Connection terminated by the app, please reconnect" },
  PONG_NOT_RECEIVED: { code: 4201, closes: true, message: "Pong reply not received" },
  /** Pusher's generic "other error" range: the message was refused, the connection stays open. */
  MESSAGE_REJECTED: { code: 4300, closes: false, message: "Message rejected" },
  CLIENT_EVENT_RATE_LIMITED: { code: 4301, closes: false, message: "Client event rejected due to rate limit" },
  /** Pusher documents no code for this; 4302 keeps it in the informational range so pusher-js does not reconnect. */
  MESSAGE_TOO_LARGE: { code: 4302, closes: false, message: "Message too large" },
} as const satisfies Record<string, { code: number; closes: boolean; message: string }>;

export type GatewayErrorName = keyof typeof GatewayError;

/** `user`: `#server-to-user-<id>`, which only a connection signed in as that user may subscribe to (pusher-js does after signin). */
export type ChannelKind = "public" | "private" | "presence" | "user";

export const SERVER_TO_USER_PREFIX = "#server-to-user-";

export function serverToUserChannel(userId: string): string {
  return `${SERVER_TO_USER_PREFIX}${userId}`;
}

export function channelKindOf(channel: string): ChannelKind {
  if (channel.startsWith("presence-")) return "presence";
  if (channel.startsWith("private-")) return "private";
  if (channel.startsWith(SERVER_TO_USER_PREFIX)) return "user";
  return "public";
}

const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;

/** Pusher's channel name rule: up to 200 characters from a fixed set; plus the server-to-user channels the `pusher` SDK's sendToUser uses. */
export function isValidChannelName(channel: unknown): channel is string {
  if (typeof channel !== "string") return false;
  if (channel.startsWith(SERVER_TO_USER_PREFIX)) return isValidUserId(channel.slice(SERVER_TO_USER_PREFIX.length));
  return CHANNEL_NAME.test(channel);
}

/** User ids of pusher:signin and terminate_connections: a channel-name-safe string, so `#server-to-user-<id>` is one too. */
export function isValidUserId(userId: unknown): userId is string {
  return typeof userId === "string" && userId.length <= 128 && CHANNEL_NAME.test(userId);
}

export const MAX_EVENT_NAME_LENGTH = 200;

/** A percent-encoded path segment, or null when the encoding is malformed (decodeURIComponent would throw). */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function isClientEventName(event: string): boolean {
  return event.startsWith("client-");
}

/**
 * A frame the server sends. `data` is a string for events whose payload the
 * protocol defines as JSON-in-a-string (connection_established, internal
 * events, published events); pusher:error and pusher:subscription_error carry
 * an object, as Pusher's own servers send them.
 */
export interface OutboundEvent {
  event: string;
  channel?: string;
  data: unknown;
  user_id?: string;
}

export function encodeEvent(message: OutboundEvent): string {
  return JSON.stringify(message);
}

export function encodeError(error: GatewayErrorName, detail?: string): string {
  const { code, message } = GatewayError[error];
  return encodeEvent({ event: PusherEvent.error, data: { code, message: detail ? `${message}: ${detail}` : message } });
}

export function encodeMemberAdded(channel: string, member: PresenceMember): string {
  return encodeEvent({ event: PusherEvent.memberAdded, channel, data: JSON.stringify(member) });
}

export function encodeMemberRemoved(channel: string, userId: string): string {
  return encodeEvent({ event: PusherEvent.memberRemoved, channel, data: JSON.stringify({ user_id: userId }) });
}

/** pusher-js emits this on the channel as `pusher:subscription_error` with the data as given. */
export function encodeSubscriptionError(channel: string, status: number, type: string, error: string): string {
  return encodeEvent({ event: PusherEvent.subscriptionError, channel, data: { type, error, status } });
}

/** A message a client sent, after the envelope has been checked. */
export interface InboundEvent {
  event: string;
  channel?: string;
  data: unknown;
}

export function decodeInbound(text: string): InboundEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON at all: the caller answers with MESSAGE_REJECTED.
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { event, channel, data } = parsed as Record<string, unknown>;
  if (typeof event !== "string" || event.length === 0 || event.length > MAX_EVENT_NAME_LENGTH) return null;
  if (channel !== undefined && typeof channel !== "string") return null;
  return { event, channel, data };
}

/** The `data` of pusher:subscribe. pusher-js sends it as an object; older clients as a JSON string. */
export interface SubscribeRequest {
  channel: string;
  auth?: string;
  channelData?: string;
}

export function readSubscribeRequest(data: unknown): SubscribeRequest | null {
  const payload = typeof data === "string" ? parseObject(data) : data;
  if (typeof payload !== "object" || payload === null) return null;
  const { channel, auth, channel_data: channelData } = payload as Record<string, unknown>;
  if (!isValidChannelName(channel)) return null;
  if (auth !== undefined && typeof auth !== "string") return null;
  if (channelData !== undefined && channelData !== null && typeof channelData !== "string") return null;
  return { channel, auth, channelData: channelData ?? undefined };
}

export function readUnsubscribeChannel(data: unknown): string | null {
  const payload = typeof data === "string" ? parseObject(data) : data;
  if (typeof payload !== "object" || payload === null) return null;
  const { channel } = payload as Record<string, unknown>;
  return isValidChannelName(channel) ? channel : null;
}

/** The `data` of pusher:signin: `auth` signs `<socket_id>::user::<user_data>`; user_data is JSON with the user's `id`. */
export interface SigninRequest {
  auth: string;
  userData: string;
}

export function readSigninRequest(data: unknown): SigninRequest | null {
  const payload = typeof data === "string" ? parseObject(data) : data;
  if (typeof payload !== "object" || payload === null) return null;
  const { auth, user_data: userData } = payload as Record<string, unknown>;
  if (typeof auth !== "string" || typeof userData !== "string") return null;
  return { auth, userData };
}

/** The id in signin user_data, which must be a JSON object with a non-empty string `id`, as pusher-js requires. */
export function readSignedInUserId(userData: string): string | null {
  const payload = parseObject(userData);
  if (typeof payload !== "object" || payload === null) return null;
  const { id } = payload as Record<string, unknown>;
  return isValidUserId(id) ? id : null;
}

/** A presence member as the protocol carries it: user_id is always a string on the wire. */
export interface PresenceMember {
  user_id: string;
  user_info?: unknown;
}

/** Reads `channel_data` of a presence subscription; numbers are accepted as ids, as Pusher does. */
export function readPresenceMember(channelData: string | undefined): PresenceMember | null {
  if (channelData === undefined) return null;
  const payload = parseObject(channelData);
  if (typeof payload !== "object" || payload === null) return null;
  const { user_id: userId, user_info: userInfo } = payload as Record<string, unknown>;
  if (typeof userId === "number" && Number.isFinite(userId)) return { user_id: String(userId), user_info: userInfo };
  if (typeof userId !== "string" || userId.length === 0 || userId.length > 128) return null;
  return { user_id: userId, user_info: userInfo };
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Malformed JSON is reported by the caller as an invalid request.
    return null;
  }
}
