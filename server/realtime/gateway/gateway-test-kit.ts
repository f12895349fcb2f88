import { randomBytes } from "node:crypto";
import Pusher from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { WebSocket } from "ws";
import { createGateway, type Gateway, type GatewayOptions } from "./create-gateway";
import type { AppCredentials } from "./gateway-context";

/**
 * Shared by the gateway tests: real gateways on free ports, the real `pusher`
 * SDK, the real pusher-js Node build, and a raw WebSocket for protocol-level
 * checks. Every gateway gets a fresh app id, so test files running in
 * parallel on one Redis never see each other's keys.
 */

export function redisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error("REDIS_URL must point at a Redis server for the gateway tests");
  return url;
}

export function freshApp(): AppCredentials {
  const id = `test-${randomBytes(6).toString("hex")}`;
  return { id, key: `${id}-key`, secret: `${id}-secret` };
}

/** The origin test gateways treat as the app's own (Node clients send no Origin at all). */
export const TEST_APP_ORIGIN = "http://app.test";

export interface TestGateway {
  gateway: Gateway;
  app: AppCredentials;
}

const openGateways = new Set<Gateway>();
const openClients = new Set<PusherClient>();
const openSockets = new Set<WebSocket>();

export async function startGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const app = options.app ?? freshApp();
  const gateway = await createGateway({
    host: "127.0.0.1",
    port: 0,
    redisUrl: redisUrl(),
    allowedOrigins: { origins: [TEST_APP_ORIGIN] },
    ...options,
    app,
  });
  openGateways.add(gateway);
  return { gateway, app };
}

/**
 * A gateway the app under test publishes to: PUSHER_* point at it. env.ts reads
 * the environment once, at first import, so import the app's modules after this.
 */
export async function startGatewayForApp(extraEnv: Record<string, string> = {}): Promise<TestGateway> {
  const target = await startGateway();
  Object.assign(process.env, {
    PUSHER_APP_ID: target.app.id,
    PUSHER_APP_KEY: target.app.key,
    PUSHER_APP_SECRET: target.app.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(target.gateway.port),
    ...extraEnv,
  });
  return target;
}

/** Closes whatever the test opened; call from afterEach/afterAll. */
export async function closeEverything(): Promise<void> {
  for (const client of openClients) client.disconnect();
  openClients.clear();
  for (const socket of openSockets) socket.terminate();
  openSockets.clear();
  await Promise.all([...openGateways].map((gateway) => gateway.close()));
  openGateways.clear();
}

export function serverSdk({ gateway, app }: TestGateway, overrides: Partial<AppCredentials> = {}): Pusher {
  return new Pusher({
    appId: overrides.id ?? app.id,
    key: overrides.key ?? app.key,
    secret: overrides.secret ?? app.secret,
    host: "127.0.0.1",
    port: String(gateway.port),
    useTLS: false,
  });
}

export interface ClientIdentity {
  /** Presence identity the auth endpoint signs into channel_data. */
  user?: { id: string; info?: Record<string, unknown> };
  /** Signs with a wrong secret, like a client forging its own authorization. */
  forgeAuth?: boolean;
  /** User id the user-auth handler signs for pusher:signin (see signedIn). */
  signinAs?: string;
}

/** pusher-js options the way the browser has them: our host and port, no TLS, WebSocket only; add channelAuthorization. */
export function clientOptions(target: TestGateway) {
  return { cluster: "", wsHost: "127.0.0.1", wsPort: target.gateway.port, forceTLS: false, enabledTransports: ["ws" as const] };
}

/**
 * A connected pusher-js client (clientOptions) whose channel authorization runs
 * through the `pusher` SDK's authorizeChannel, as the app's auth route does.
 */
export async function connectClient(target: TestGateway, identity: ClientIdentity = {}): Promise<PusherClient> {
  const signer = serverSdk(target, identity.forgeAuth ? { secret: "not-the-secret" } : {});
  const client = new PusherClient(target.app.key, {
    ...clientOptions(target),
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const presence = channelName.startsWith("presence-") && identity.user
          ? { user_id: identity.user.id, user_info: identity.user.info ?? {} }
          : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        if (identity.signinAs === undefined) callback(new Error("this test client has no user to sign in as"), null);
        else callback(null, signer.authenticateUser(socketId, { id: identity.signinAs }));
      },
    },
  });
  openClients.add(client);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("pusher-js did not connect")), 5_000);
    client.connection.bind("connected", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}

/** Signs the client in (pusher:signin) as its `signinAs` user and resolves on pusher:signin_success. */
export async function signedIn(client: PusherClient, timeoutMs = 3_000): Promise<void> {
  const success = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no pusher:signin_success")), timeoutMs);
    client.bind("pusher:signin_success", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  client.signin();
  await success;
}

export function socketIdOf(client: PusherClient): string {
  const id = client.connection.socket_id;
  if (typeof id !== "string") throw new Error("client is not connected");
  return id;
}

/** Resolves with the data of the next `event` on `channel`. */
export function nextEvent<T = unknown>(channel: Channel, event: string, timeoutMs = 3_000): Promise<{ data: T; metadata: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.unbind(event, listener);
      reject(new Error(`no ${event} on ${channel.name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (data: T, metadata: unknown) => {
      clearTimeout(timer);
      channel.unbind(event, listener);
      resolve({ data, metadata });
    };
    channel.bind(event, listener);
  });
}

export async function subscribed(client: PusherClient, channelName: string): Promise<Channel> {
  const channel = client.subscribe(channelName);
  await nextEvent(channel, "pusher:subscription_succeeded");
  return channel;
}

/** Collects every `event` on `channel` from now on. */
export function recordEvents(channel: Channel, event: string): unknown[] {
  const seen: unknown[] = [];
  channel.bind(event, (data: unknown) => seen.push(data));
  return seen;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` passes or the time is up; for state that settles asynchronously across gateways. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 5_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await pause(25);
  }
  throw new Error(`${what} not reached within ${timeoutMs} ms`);
}

/** A raw protocol client, for what pusher-js hides: exact frames, close codes, misbehaviour. */
export interface RawClient {
  socket: WebSocket;
  /** Frames received so far, parsed, with `data` left as sent (string or object). */
  frames: Array<{ event: string; channel?: string; data: unknown; user_id?: string }>;
  send(message: unknown): void;
  nextFrame(event: string, timeoutMs?: number): Promise<{ event: string; channel?: string; data: unknown; user_id?: string }>;
  closed: Promise<{ code: number; reason: string }>;
}

/** `origin` sets the Origin header as a browser page would; leave it out to connect like a server client. */
export function openRawClient(port: number, path: string, options: { origin?: string } = {}): Promise<RawClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, options.origin === undefined ? {} : { origin: options.origin });
  openSockets.add(socket);
  const frames: RawClient["frames"] = [];
  const waiters: Array<{ event: string; resolve: (frame: RawClient["frames"][number]) => void }> = [];
  socket.on("message", (raw) => {
    const frame = JSON.parse(raw.toString()) as RawClient["frames"][number];
    frames.push(frame);
    const index = waiters.findIndex((waiter) => waiter.event === frame.event);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const client: RawClient = {
    socket,
    frames,
    closed,
    send: (message) => socket.send(typeof message === "string" ? message : JSON.stringify(message)),
    nextFrame(event, timeoutMs = 3_000) {
      const seen = frames.find((frame) => frame.event === event && !claimed.has(frame));
      if (seen) {
        claimed.add(seen);
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} frame within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          event,
          resolve: (frame) => {
            clearTimeout(timer);
            claimed.add(frame);
            resolve(frame);
          },
        });
      });
    },
  };
  const claimed = new WeakSet<object>();
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(client));
    socket.once("error", reject);
  });
}

export function appPath(key: string, protocol: number | null = 7): string {
  const query = protocol === null ? "client=test&version=1" : `protocol=${protocol}&client=test&version=1`;
  return `/app/${key}?${query}`;
}
