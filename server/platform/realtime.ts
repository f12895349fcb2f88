import "server-only";
import Pusher from "pusher";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { createRedisEventPublisher } from "@/server/realtime/redis-publisher";
import { logger } from "./logger";
import { clientConfigFor, realtimeSettingsFromEnv } from "./realtime-client-config";
import { USER_CHANNEL_PREFIX, userChannel } from "./realtime-channels";
import { redis, type Redis } from "./redis";

export { realtimeSettingsFromEnv, userChannel };

/**
 * Server-side realtime: publishes events and authorizes channel subscriptions
 * through the official `pusher` SDK. By default it talks to the project's own
 * gateway (server/realtime/gateway); setting PUSHER_* points it — and the
 * browser, through getClientRealtimeConfig — at Pusher Channels or Soketi
 * with no code change. With the project's own gateway, events skip its HTTP
 * API and go straight onto the Redis topics its instances listen to
 * (server/realtime/redis-publisher.ts); authorization is the same either way.
 */

export interface RealtimeSettings {
  appId: string;
  key: string;
  secret: string;
  /** Host of a self-hosted gateway (ours or Soketi). Leave out to use Pusher Channels' `cluster`. */
  host?: string;
  port?: number;
  useTLS: boolean;
  cluster?: string;
  /** Host the browser connects to when it differs from `host` (e.g. a public name in front of the gateway). */
  publicHost?: string;
}

/** What pusher-js needs in the browser: `new Pusher(config.key, config)`. */
export interface ClientRealtimeConfig {
  key: string;
  /** pusher-js requires a cluster; it only matters when wsHost is absent (Pusher Channels). */
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  wssPort?: number;
  forceTLS: boolean;
  /** WebSocket only: the gateway does not implement Pusher's HTTP fallbacks. */
  enabledTransports: Array<"ws" | "wss">;
}

/** The JSON body a channel-authorization endpoint returns to pusher-js. */
export interface ChannelAuthorization {
  auth: string;
  channel_data?: string;
}

/** The JSON body a user-authentication endpoint returns to pusher-js's signin(). */
export interface UserAuthentication {
  auth: string;
  user_data: string;
}

export interface RealtimeUser {
  id: string;
  /** Shown to the other members of presence channels (pusher-js `members.get(id).info`). */
  info?: Record<string, unknown>;
}

export interface RealtimeEvent {
  channel: string;
  event: string;
  data: unknown;
  /** Skips this connection, typically the one whose action caused the event. */
  excludeSocketId?: string;
}

export interface Realtime {
  publish(channels: string | string[], event: string, data: unknown, options?: { excludeSocketId?: string }): Promise<void>;
  publishBatch(events: RealtimeEvent[]): Promise<void>;
  publishToUser(userId: string, event: string, data: unknown): Promise<void>;
  authorizeChannel(request: { socketId: string; channel: string; user?: RealtimeUser }): ChannelAuthorization;
  /** Signs pusher:signin for `userId` on this socket, so the service can find the connection by user (terminateUserConnections). */
  authenticateUser(request: { socketId: string; userId: string }): UserAuthentication;
  /** Closes every connection signed in as the user; their clients reconnect and must be authorized again. */
  terminateUserConnections(userId: string): Promise<void>;
  /** Resolves when the realtime service answers a signed API call; used by the health check. */
  probe(): Promise<void>;
  clientConfig(request?: { requestHostname?: string }): ClientRealtimeConfig;
}

/** Pusher's per-request limits: channels per trigger and events per batch. */
const MAX_CHANNELS_PER_TRIGGER = 100;
const MAX_EVENTS_PER_BATCH = 10;

const log = logger.child({ module: "realtime" });


/**
 * `topics`: publish through the project's gateways' Redis topics rather than the HTTP API (same Redis and app id
 * as the gateways) — always, or with `whenGatewaysRegistered` only while such a gateway is registered in that
 * Redis (HTTP otherwise: Soketi, or a gateway elsewhere).
 */
export function createRealtime(settings: RealtimeSettings, options: { topics?: { redis: Redis; whenGatewaysRegistered?: boolean } } = {}): Realtime {
  const pusher = createPusherClient(settings);
  const topics = options.topics ? createRedisEventPublisher({ redis: options.topics.redis, appId: settings.appId }) : undefined;
  const throughTopics = async (): Promise<boolean> => (topics ? !options.topics?.whenGatewaysRegistered || (await topics.gatewaysRegistered()) : false);

  async function send(request: () => Promise<unknown>, what: string): Promise<void> {
    try {
      await request();
    } catch (error) {
      throw toRealtimeError(error, what);
    }
  }

  const publish: Realtime["publish"] = async (channels, event, data, options) => {
    const list = Array.isArray(channels) ? channels : [channels];
    if (topics && (await throughTopics())) {
      const excludeSocketId = options?.excludeSocketId;
      return send(() => topics.publishEvents(list.map((channel) => ({ channel, event, data, excludeSocketId }))), `event ${event}`);
    }
    const params = options?.excludeSocketId ? { socket_id: options.excludeSocketId } : undefined;
    for (const group of chunk(list, MAX_CHANNELS_PER_TRIGGER)) {
      await send(() => (params ? pusher.trigger(group, event, data, params) : pusher.trigger(group, event, data)), `event ${event}`);
    }
  };

  return {
    publish,

    async publishBatch(events) {
      if (topics && (await throughTopics())) return send(() => topics.publishEvents(events), `a batch of ${events.length} events`);
      for (const group of chunk(events, MAX_EVENTS_PER_BATCH)) {
        const batch = group.map(({ channel, event, data, excludeSocketId }) =>
          excludeSocketId ? { channel, name: event, data, socket_id: excludeSocketId } : { channel, name: event, data },
        );
        await send(() => pusher.triggerBatch(batch), `a batch of ${batch.length} events`);
      }
    },

    publishToUser(userId, event, data) {
      return publish(userChannel(userId), event, data);
    },

    authorizeChannel({ socketId, channel, user }) {
      // The naming convention lives here, so this is where it is enforced: one user can never read another's channel.
      if (channel.startsWith(USER_CHANNEL_PREFIX) && (!user || channel !== userChannel(user.id))) {
        throw new AppError("FORBIDDEN", "This channel belongs to another user");
      }
      try {
        if (channel.startsWith("presence-")) {
          if (!user) throw new AppError("UNAUTHORIZED", "Sign in to join presence channels");
          return pusher.authorizeChannel(socketId, channel, { user_id: user.id, user_info: user.info ?? {} });
        }
        if (channel.startsWith("private-")) return pusher.authorizeChannel(socketId, channel);
      } catch (error) {
        if (error instanceof AppError) throw error;
        // The SDK throws plain Errors for malformed socket ids and channel names.
        throw new AppError("BAD_REQUEST", error instanceof Error ? error.message : "Invalid channel authorization request");
      }
      throw new AppError("BAD_REQUEST", "Public channels need no authorization");
    },

    authenticateUser({ socketId, userId }) {
      try {
        return pusher.authenticateUser(socketId, { id: userId });
      } catch (error) {
        // The SDK throws plain Errors for malformed socket ids.
        throw new AppError("BAD_REQUEST", error instanceof Error ? error.message : "Invalid user authentication request");
      }
    },

    // Always the HTTP API (the `pusher` SDK's call), never the Redis topics: it works the same on Pusher Channels and Soketi.
    terminateUserConnections(userId) {
      return send(() => pusher.terminateUserConnections(userId), `terminating the connections of user ${userId}`);
    },

    async probe() {
      await send(() => pusher.get({ path: "/channels" }), "a health probe");
    },

    clientConfig(request) {
      return clientConfigFor(settings, request?.requestHostname);
    },
  };
}

/**
 * REALTIME_PUBLISH_VIA: "redis" always through the gateways' topics, "http" never; "auto" (the default) through
 * them whenever one of the project's gateways is registered in this Redis — the embedded setup, whatever
 * PUSHER_HOST says — and through the HTTP API otherwise (Soketi). Pusher Channels (PUSHER_CLUSTER) is always HTTP.
 */
function topicsFromEnv(): { redis: Redis; whenGatewaysRegistered: boolean } | undefined {
  if (env.REALTIME_PUBLISH_VIA === "http" || (env.REALTIME_PUBLISH_VIA === "auto" && env.PUSHER_CLUSTER !== undefined && env.PUSHER_HOST === undefined)) {
    return undefined;
  }
  return { redis, whenGatewaysRegistered: env.REALTIME_PUBLISH_VIA === "auto" };
}

let defaultRealtime: Realtime | undefined;

/** The process-wide instance, configured from the environment on first use. */
export function getRealtime(): Realtime {
  defaultRealtime ??= createRealtime(realtimeSettingsFromEnv(), { topics: topicsFromEnv() });
  return defaultRealtime;
}

export function publish(channels: string | string[], event: string, data: unknown, options?: { excludeSocketId?: string }) {
  return getRealtime().publish(channels, event, data, options);
}

export function publishBatch(events: RealtimeEvent[]) {
  return getRealtime().publishBatch(events);
}

export function publishToUser(userId: string, event: string, data: unknown) {
  return getRealtime().publishToUser(userId, event, data);
}

export function authorizeChannel(request: { socketId: string; channel: string; user?: RealtimeUser }) {
  return getRealtime().authorizeChannel(request);
}

export function authenticateRealtimeUser(request: { socketId: string; userId: string }) {
  return getRealtime().authenticateUser(request);
}

export function terminateUserConnections(userId: string) {
  return getRealtime().terminateUserConnections(userId);
}

export function probeRealtime() {
  return getRealtime().probe();
}

/**
 * Read at request time (not baked into the bundle), so changing PUSHER_* needs
 * no rebuild. Pass the hostname the browser used for the page: when the
 * gateway is configured as loopback, the browser is sent to that same host,
 * which keeps LAN and container setups working without PUSHER_PUBLIC_HOST.
 */
export function getClientRealtimeConfig(request?: { requestHostname?: string }): ClientRealtimeConfig {
  return getRealtime().clientConfig(request);
}

/** The SDK waits forever by default: a gateway that stops answering would hold every later event of a conversation (chat-channels.ts). */
const REQUEST_TIMEOUT_MS = 5_000;

function createPusherClient(settings: RealtimeSettings): Pusher {
  const base = { appId: settings.appId, key: settings.key, secret: settings.secret, useTLS: settings.useTLS, timeout: REQUEST_TIMEOUT_MS };
  if (settings.host !== undefined) {
    return new Pusher({ ...base, host: settings.host, ...(settings.port === undefined ? {} : { port: String(settings.port) }) });
  }
  if (settings.cluster !== undefined) return new Pusher({ ...base, cluster: settings.cluster });
  throw new Error("Realtime settings need a host (self-hosted gateway) or a cluster (Pusher Channels)");
}

function chunk<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

function toRealtimeError(error: unknown, what: string): AppError {
  if (error instanceof AppError) return error;
  const status = error instanceof Pusher.RequestError ? error.status : undefined;
  const body = error instanceof Pusher.RequestError ? error.body : undefined;
  log.warn({ status, body, err: error instanceof Error ? error.message : String(error) }, `realtime refused ${what}`);
  if (status === 413) return new AppError("PAYLOAD_TOO_LARGE", "The realtime event is too large");
  return new AppError("UNAVAILABLE", "The realtime service is unavailable. Please try again shortly.");
}
