import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { channelInfo, type ChannelInfoRequest, describeChannel, listOccupiedChannels, presenceUserIds } from "./channel-queries";
import { describeError, type GatewayContext } from "./gateway-context";
import { channelKindOf, decodePathSegment, encodeEvent, isValidChannelName, isValidUserId, MAX_EVENT_NAME_LENGTH } from "./protocol";
import { apiAuthProblem } from "./signature";

/**
 * The part of Pusher's HTTP API that the `pusher` server SDK calls:
 *   POST /apps/:id/events, POST /apps/:id/batch_events,
 *   GET  /apps/:id/channels, /apps/:id/channels/:name, /apps/:id/channels/:name/users,
 *   POST /apps/:id/users/:user_id/terminate_connections
 * plus GET /health for probes. Every /apps request is signed (see signature.ts).
 * Errors answer with a plain-text explanation, as Pusher does, which the SDK
 * puts in `RequestError.body`.
 */

const MAX_BATCH_EVENTS = 10;
const MAX_CHANNELS_PER_EVENT = 100;

const ChannelName = z.string().refine(isValidChannelName, "invalid channel name");
const SocketId = z.string().regex(/^\d+\.\d+$/, "invalid socket_id");
const EventName = z
  .string()
  .min(1)
  .max(MAX_EVENT_NAME_LENGTH)
  .refine((name) => !name.startsWith("pusher:") && !name.startsWith("pusher_internal:"), "event names starting with pusher are reserved");

const TriggerBody = z
  .object({
    name: EventName,
    data: z.string(),
    channels: z.array(ChannelName).min(1).max(MAX_CHANNELS_PER_EVENT).optional(),
    channel: ChannelName.optional(),
    socket_id: SocketId.optional(),
    info: z.string().optional(),
  })
  .refine((body) => body.channels !== undefined || body.channel !== undefined, "give channels or channel");

const BatchBody = z.object({
  batch: z
    .array(
      z.object({
        name: EventName,
        channel: ChannelName,
        data: z.string(),
        socket_id: SocketId.optional(),
        info: z.string().optional(),
      }),
    )
    .max(MAX_BATCH_EVENTS),
});

/** A refusal with its HTTP status; anything else thrown is a 500. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

export function createHttpApi(ctx: GatewayContext): (request: IncomingMessage, response: ServerResponse) => void {
  // A full batch of maximum-size events fits; anything beyond is refused before it is buffered.
  const maxBodyBytes = ctx.limits.maxMessageBytes * MAX_BATCH_EVENTS + 64 * 1024;
  return (request, response) => {
    serve(ctx, request, response, maxBodyBytes).catch((error: unknown) => {
      if (error instanceof HttpProblem) {
        if (error.closeConnection) response.setHeader("connection", "close");
        sendText(response, error.status, error.message);
        return;
      }
      ctx.log.error({ err: describeError(error), url: request.url }, "http api request failed");
      sendText(response, 500, "Internal error");
    });
  };
}

async function serve(ctx: GatewayContext, request: IncomingMessage, response: ServerResponse, maxBodyBytes: number): Promise<void> {
  const url = new URL(request.url ?? "/", "http://gateway");
  const method = request.method ?? "GET";

  if (url.pathname === "/health" && (method === "GET" || method === "HEAD")) {
    sendText(response, 200, "ok");
    return;
  }
  const match = /^\/apps\/([^/]+)(\/.*)$/.exec(url.pathname);
  if (!match?.[1] || !match[2]) throw new HttpProblem(404, "Not found");
  // One app per gateway: any other id is refused like a bad credential, before anything else is looked at.
  if (decodePathSegment(match[1]) !== ctx.app.id) throw new HttpProblem(401, "Unknown app_id");

  const body = await readBody(request, maxBodyBytes);
  const authProblem = apiAuthProblem(ctx.app, {
    method,
    path: url.pathname,
    query: url.searchParams,
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
  });
  if (authProblem) throw new HttpProblem(401, authProblem);

  const route = match[2];
  if (method === "POST" && route === "/events") return sendJson(response, await triggerEvent(ctx, body));
  if (method === "POST" && route === "/batch_events") return sendJson(response, await triggerBatch(ctx, body));
  if (method === "GET" && route === "/channels") return sendJson(response, await getChannels(ctx, url.searchParams));

  const terminateRoute = /^\/users\/([^/]+)\/terminate_connections$/.exec(route);
  if (method === "POST" && terminateRoute?.[1]) return sendJson(response, await terminateConnections(ctx, terminateRoute[1]));

  const channelRoute = /^\/channels\/([^/]+)(\/users)?$/.exec(route);
  if (method === "GET" && channelRoute?.[1]) {
    const channel = decodePathSegment(channelRoute[1]) ?? "";
    if (!isValidChannelName(channel)) throw new HttpProblem(400, `Invalid channel name ${channel}`);
    if (channelRoute[2]) return sendJson(response, await getUsers(ctx, channel));
    return sendJson(response, await getChannel(ctx, channel, url.searchParams));
  }
  throw new HttpProblem(404, `No route for ${method} ${route}`);
}

async function triggerEvent(ctx: GatewayContext, body: Buffer): Promise<object> {
  const event = parseBody(TriggerBody, body);
  checkDataSize(ctx, event.name, event.data);
  const channels = event.channels ?? (event.channel ? [event.channel] : []);
  await Promise.all(
    channels.map((channel) => ctx.broadcast(channel, encodeEvent({ event: event.name, channel, data: event.data }), event.socket_id)),
  );
  if (event.info === undefined) return {};
  const info = readInfo(event.info);
  const entries = await Promise.all(channels.map(async (channel) => [channel, await channelInfo(ctx, channel, info)] as const));
  return { channels: Object.fromEntries(entries) };
}

async function triggerBatch(ctx: GatewayContext, body: Buffer): Promise<object> {
  const { batch } = parseBody(BatchBody, body);
  // Validate every event before publishing any, so a refused batch publishes nothing.
  for (const event of batch) checkDataSize(ctx, event.name, event.data);
  await Promise.all(
    batch.map((event) =>
      ctx.broadcast(event.channel, encodeEvent({ event: event.name, channel: event.channel, data: event.data }), event.socket_id),
    ),
  );
  if (batch.every((event) => event.info === undefined)) return {};
  return {
    batch: await Promise.all(
      batch.map((event) => (event.info === undefined ? {} : channelInfo(ctx, event.channel, readInfo(event.info)))),
    ),
  };
}

/** The `pusher` SDK's terminateUserConnections: every connection signed in as the user, on every gateway, is closed. */
async function terminateConnections(ctx: GatewayContext, encodedUserId: string): Promise<object> {
  const userId = decodePathSegment(encodedUserId);
  if (!isValidUserId(userId)) throw new HttpProblem(400, `Invalid user id ${encodedUserId}`);
  await ctx.terminateUser(userId);
  return {};
}

async function getChannels(ctx: GatewayContext, query: URLSearchParams): Promise<object> {
  const prefix = query.get("filter_by_prefix") ?? undefined;
  const info = readInfo(query.get("info"));
  if (info.userCount && !prefix?.startsWith("presence-")) {
    throw new HttpProblem(400, "user_count can only be requested for presence channels: add filter_by_prefix=presence-");
  }
  return { channels: await listOccupiedChannels(ctx, prefix, info) };
}

async function getChannel(ctx: GatewayContext, channel: string, query: URLSearchParams): Promise<object> {
  const info = readInfo(query.get("info"));
  if (info.userCount && channelKindOf(channel) !== "presence") {
    throw new HttpProblem(400, "user_count can only be requested for presence channels");
  }
  return describeChannel(ctx, channel, info);
}

async function getUsers(ctx: GatewayContext, channel: string): Promise<object> {
  if (channelKindOf(channel) !== "presence") throw new HttpProblem(400, "Users can only be listed for presence channels");
  return { users: (await presenceUserIds(ctx, channel)).map((id) => ({ id })) };
}

function readInfo(info: string | null): ChannelInfoRequest {
  const attributes = new Set((info ?? "").split(",").map((attribute) => attribute.trim()));
  return { userCount: attributes.has("user_count"), subscriptionCount: attributes.has("subscription_count") };
}

function checkDataSize(ctx: GatewayContext, name: string, data: string): void {
  const size = Buffer.byteLength(data, "utf8");
  if (size > ctx.limits.maxMessageBytes) {
    throw new HttpProblem(413, `Payload too large: the data of event ${name} is ${size} bytes, the limit is ${ctx.limits.maxMessageBytes}`);
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: Buffer): T {
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpProblem(400, "Invalid JSON in request body");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    throw new HttpProblem(400, `Invalid request: ${problems.join("; ")}`);
  }
  return parsed.data;
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        reject(new HttpProblem(413, `Request body larger than ${maxBytes} bytes`, true));
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
  response.end(text);
}
