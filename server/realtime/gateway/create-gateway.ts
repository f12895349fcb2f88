import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { Redis, type RedisOptions } from "ioredis";
import { abandonChannels, leaveAllChannels } from "./channel-subscriptions";
import { LocalConnections } from "./connections";
import {
  type AppCredentials,
  describeError,
  type GatewayContext,
  type GatewayLimits,
  type GatewayLogger,
  silentLogger,
} from "./gateway-context";
import { createHttpApi } from "./http-api";
import { idleSweepIntervalMs, sweepIdleSockets } from "./idle-sweeper";
import { createInstanceRegistry } from "./instance-registry";
import type { AllowedOrigins } from "./origin-policy";
import { maintainPresence } from "./presence-maintenance";
import { createPresenceStore } from "./presence-store";
import { createPubSubBridge } from "./pubsub-bridge";
import { redisKeys } from "./redis-keys";
import { closeUserConnections } from "./user-sessions";
import { createWebSocketEndpoint } from "./websocket-endpoint";

/**
 * Everything is passed in explicitly — no environment reads here — so tests
 * can start several gateways side by side with short timeouts. Durations are
 * in seconds and may be fractional.
 */
export interface GatewayOptions {
  host: string;
  /** 0 picks a free port; the bound one is returned. */
  port: number;
  /** The only app served: another key is refused (4001), another app id or secret gets 401 from the HTTP API. */
  app: AppCredentials;
  /** Browser origins that may connect (4009 otherwise); connections without an Origin header are server clients and pass. */
  allowedOrigins: AllowedOrigins;
  redisUrl: string;
  /** Told to clients in the handshake: they ping after this long without traffic. Default 30. */
  activityTimeoutSeconds?: number;
  /** Extra silence tolerated beyond the activity timeout before the gateway pings. Default 5. */
  idleGraceSeconds?: number;
  /** How long the gateway waits for a pong before closing with 4201. Default 30. */
  pongTimeoutSeconds?: number;
  /** How long a gateway's presence entries outlive its last heartbeat. Default 15. */
  presenceTtlSeconds?: number;
  /** How often the gateway heart-beats and sweeps dead gateways. Default: a third of the TTL. */
  heartbeatIntervalSeconds?: number;
  /** Largest client frame and published event data. Default 10 KB, Pusher's limit. */
  maxMessageBytes?: number;
  /** Client events per second per connection. Default 10, Pusher's limit. */
  clientEventsPerSecond?: number;
  /** Distinct users per presence channel. Default 100, Pusher's limit. */
  maxPresenceMembers?: number;
  logger?: GatewayLogger;
}

export interface Gateway {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** Random per process; names this gateway's entries in Redis. */
  readonly instanceId: string;
  connectionCount(): number;
  /**
   * Stops the gateway: clients are closed with 4200 (reconnect now), their
   * presence entries removed (member_removed goes out through the survivors'
   * subscribers) and the Redis connections quit. With
   * `releasePresence: false` it stops like a crash instead — sockets dropped,
   * nothing cleaned — and other gateways sweep its entries once its TTL runs out.
   */
  close(options?: { releasePresence?: boolean }): Promise<void>;
}

/** Fail commands quickly while Redis is away and keep reconnecting, so sockets stay up through a Redis restart. */
const REDIS_OPTIONS: RedisOptions = {
  lazyConnect: true,
  maxRetriesPerRequest: 2,
  connectTimeout: 3_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};

/** Per-socket send buffer above which a client counts as not reading (see SocketSession.send). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long shutdown waits for clients to acknowledge the close before dropping them. */
const CLOSE_GRACE_MS = 1_000;

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const log = options.logger ?? silentLogger;
  const limits = resolveLimits(options);
  const ttlMs = secondsToMs(options.presenceTtlSeconds ?? 15, "presenceTtlSeconds");
  const heartbeatMs = secondsToMs(options.heartbeatIntervalSeconds ?? ttlMs / 3000, "heartbeatIntervalSeconds");
  if (heartbeatMs >= ttlMs) throw new Error("heartbeatIntervalSeconds must be shorter than presenceTtlSeconds");

  const instanceId = randomBytes(8).toString("hex");
  const keys = redisKeys(options.app.id);
  const redis = new Redis(options.redisUrl, REDIS_OPTIONS);
  const subscriber = redis.duplicate();
  for (const client of [redis, subscriber]) {
    client.on("error", (error: Error) => log.warn({ err: error.message, instanceId }, "redis connection error"));
  }
  try {
    await Promise.all([redis.connect(), subscriber.connect()]);
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    throw new Error(`gateway cannot reach Redis at ${options.redisUrl}: ${describeError(error)}`);
  }

  const connections = new LocalConnections();
  const registry = createInstanceRegistry({ redis, keys, instanceId, ttlMs });
  const presence = createPresenceStore({
    redis,
    keys,
    instanceId,
    maxMembers: limits.maxPresenceMembers,
    aliveAmong: (ids) => registry.aliveAmong(ids),
  });
  const bridge = createPubSubBridge({
    publisher: redis,
    subscriber,
    keys,
    instanceId,
    onRemoteFrame: (channel, frame, exceptSocketId) => connections.deliver(channel, frame, exceptSocketId),
    onRemoteControl: (command) => closeUserConnections(ctx, command.terminateUser),
    onBadMessage: (topic) => log.warn({ topic }, "ignored a malformed message on a gateway topic"),
  });
  const ctx: GatewayContext = {
    app: options.app,
    allowedOrigins: options.allowedOrigins,
    instanceId,
    limits,
    connections,
    presence,
    registry,
    log,
    // Local subscribers get the frame at once; other gateways get it through Redis.
    async broadcast(channel, frame, exceptSocketId) {
      connections.deliver(channel, frame, exceptSocketId);
      await bridge.publish(channel, frame, exceptSocketId);
    },
    listen: (channel) => bridge.listen(channel),
    unlisten: (channel) => bridge.unlisten(channel),
    async terminateUser(userId) {
      closeUserConnections(ctx, userId);
      await bridge.publishControl({ terminateUser: userId });
    },
  };

  await Promise.all([registry.register(), bridge.listenForControl()]);
  const server = createServer(createHttpApi(ctx));
  const endpoint = createWebSocketEndpoint(ctx);
  server.on("upgrade", (request, socket, head: Buffer) => endpoint.handleUpgrade(request, socket, head));
  try {
    await listen(server, options.host, options.port);
  } catch (error) {
    await registry.forget(instanceId);
    await Promise.allSettled([redis.quit(), subscriber.quit()]);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;

  const idleTimer = setInterval(() => sweepIdleSockets(connections, limits, Date.now()), idleSweepIntervalMs(limits));
  let maintenance: Promise<void> | undefined;
  const heartbeatTimer = setInterval(() => {
    if (maintenance) return; // a slow sweep must not pile up behind itself
    maintenance = maintainPresence(ctx)
      .catch((error: unknown) => log.warn({ err: describeError(error), instanceId }, "presence maintenance failed"))
      .finally(() => {
        maintenance = undefined;
      });
  }, heartbeatMs);
  idleTimer.unref();
  heartbeatTimer.unref();

  let closing: Promise<void> | undefined;
  async function shutDown(releasePresence: boolean): Promise<void> {
    clearInterval(idleTimer);
    clearInterval(heartbeatTimer);
    await maintenance;
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    const sessions = [...connections.all()];
    if (releasePresence) {
      for (const session of sessions) session.closeWith("GOING_AWAY");
      await Promise.all(
        sessions.map((session) =>
          session.enqueue(
            () => leaveAllChannels(ctx, session),
            (error) => log.warn({ err: describeError(error), socketId: session.id }, "cleanup at shutdown failed"),
          ),
        ),
      );
      await registry.forget(instanceId).catch((error: unknown) =>
        log.warn({ err: describeError(error), instanceId }, "could not unregister the gateway"),
      );
    } else {
      for (const session of sessions) {
        abandonChannels(ctx, session);
        session.terminate();
      }
    }
    await Promise.race([serverClosed, delay(CLOSE_GRACE_MS)]);
    for (const session of connections.all()) session.terminate();
    server.closeAllConnections();
    await serverClosed;
    await Promise.allSettled([redis.quit(), subscriber.quit()]);
    log.info({ instanceId, releasePresence }, "gateway stopped");
  }

  log.info({ instanceId, host: options.host, port }, "gateway started");
  return {
    port,
    instanceId,
    connectionCount: () => connections.size,
    close(closeOptions) {
      closing ??= shutDown(closeOptions?.releasePresence ?? true);
      return closing;
    },
  };
}

function resolveLimits(options: GatewayOptions): GatewayLimits {
  return {
    activityTimeoutMs: secondsToMs(options.activityTimeoutSeconds ?? 30, "activityTimeoutSeconds"),
    idleGraceMs: secondsToMs(options.idleGraceSeconds ?? 5, "idleGraceSeconds", true),
    pongTimeoutMs: secondsToMs(options.pongTimeoutSeconds ?? 30, "pongTimeoutSeconds"),
    maxMessageBytes: positiveInteger(options.maxMessageBytes ?? 10 * 1024, "maxMessageBytes"),
    clientEventsPerSecond: positiveInteger(options.clientEventsPerSecond ?? 10, "clientEventsPerSecond"),
    maxPresenceMembers: positiveInteger(options.maxPresenceMembers ?? 100, "maxPresenceMembers"),
    maxBufferedBytes: MAX_BUFFERED_BYTES,
  };
}

function secondsToMs(seconds: number, name: string, allowZero = false): number {
  if (!Number.isFinite(seconds) || seconds < 0 || (!allowZero && seconds === 0)) {
    throw new Error(`${name} must be a positive number of seconds, got ${seconds}`);
  }
  return Math.round(seconds * 1000);
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // Every client reconnects at once after a restart; Node's default backlog (511) overflows at 1,000 (bench:chat).
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
