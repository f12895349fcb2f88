import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * The two signatures of the Pusher protocol, computed exactly as the official
 * SDKs compute them so that `pusher` (server) and `pusher-js` (browser) work
 * against the gateway unchanged.
 */

export function hmacSha256Hex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}

export function md5Hex(body: string | Buffer): string {
  return createHash("md5").update(body).digest("hex");
}

/** Compares in constant time, so a forger cannot learn a signature byte by byte from response timings. */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What a private or presence subscription signs: `socket_id:channel`, plus
 * `:channel_data` for presence so the user id cannot be swapped after signing.
 */
export function channelAuthString(socketId: string, channel: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
}

export function signChannelAuth(
  app: { key: string; secret: string },
  socketId: string,
  channel: string,
  channelData?: string,
): string {
  return `${app.key}:${hmacSha256Hex(app.secret, channelAuthString(socketId, channel, channelData))}`;
}

/** Checks the `auth` field of pusher:subscribe: `<key>:<hex signature>`. */
export function verifyChannelAuth(
  app: { key: string; secret: string },
  auth: string | undefined,
  socketId: string,
  channel: string,
  channelData?: string,
): boolean {
  if (auth === undefined) return false;
  const separator = auth.indexOf(":");
  if (separator < 0 || auth.slice(0, separator) !== app.key) return false;
  const expected = hmacSha256Hex(app.secret, channelAuthString(socketId, channel, channelData));
  return safeEqual(expected, auth.slice(separator + 1));
}

/** What pusher:signin signs (the `pusher` SDK's authenticateUser): `<socket_id>::user::<user_data>`. */
export function verifyUserAuth(app: { key: string; secret: string }, auth: string, socketId: string, userData: string): boolean {
  const separator = auth.indexOf(":");
  if (separator < 0 || auth.slice(0, separator) !== app.key) return false;
  return safeEqual(hmacSha256Hex(app.secret, `${socketId}::user::${userData}`), auth.slice(separator + 1));
}

/**
 * The string an HTTP API request signs: method, path, and every query
 * parameter except auth_signature, sorted by name, as `name=value` joined with
 * `&`. Values are the decoded ones — the SDK signs them before URL encoding.
 */
export function apiStringToSign(method: string, path: string, query: URLSearchParams): string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of query) {
    if (name !== "auth_signature") pairs.push([name.toLowerCase(), value]);
  }
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sortedQuery = pairs.map(([name, value]) => `${name}=${value}`).join("&");
  return `${method.toUpperCase()}\n${path}\n${sortedQuery}`;
}

/** How far a request's auth_timestamp may be from the gateway's clock, as in Pusher's API. */
export const API_TIMESTAMP_TOLERANCE_SECONDS = 600;

/**
 * Checks an HTTP API request the way Pusher does; returns why it is refused,
 * or null when it is authentic. The explanations match Pusher's so SDK users
 * recognise them (the expected string-to-sign is safe to show: it holds no secret).
 */
export function apiAuthProblem(
  app: { key: string; secret: string },
  request: { method: string; path: string; query: URLSearchParams; body: Buffer; nowSeconds: number },
): string | null {
  const { query } = request;
  if (query.get("auth_key") !== app.key) return "Unknown auth_key";
  if (query.get("auth_version") !== "1.0") return "Invalid auth_version: expected 1.0";

  const timestamp = Number(query.get("auth_timestamp"));
  if (!Number.isInteger(timestamp)) return "Invalid auth_timestamp";
  if (Math.abs(request.nowSeconds - timestamp) > API_TIMESTAMP_TOLERANCE_SECONDS) {
    return `Timestamp expired: given timestamp (${timestamp}) not within ${API_TIMESTAMP_TOLERANCE_SECONDS}s of server time (${request.nowSeconds})`;
  }

  const given = query.get("auth_signature");
  if (!given) return "Missing auth_signature";
  const stringToSign = apiStringToSign(request.method, request.path, query);
  if (!safeEqual(hmacSha256Hex(app.secret, stringToSign), given)) {
    return `Invalid signature: you should have sent HmacSHA256Hex(${JSON.stringify(stringToSign)}, your_secret_key), but you sent "${given}"`;
  }

  // The signature covers body_md5, and body_md5 covers the body: together they pin the body.
  if (request.body.length > 0 && query.get("body_md5") !== md5Hex(request.body)) {
    return "Invalid body_md5: it does not match the MD5 of the request body";
  }
  return null;
}
