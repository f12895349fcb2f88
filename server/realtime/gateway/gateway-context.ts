import type { LocalConnections } from "./connections";
import type { InstanceRegistry } from "./instance-registry";
import type { AllowedOrigins } from "./origin-policy";
import type { PresenceStore } from "./presence-store";

/** The app the gateway serves; the same three values the `pusher` SDK and pusher-js are configured with. */
export interface AppCredentials {
  id: string;
  key: string;
  secret: string;
}

/** The subset of pino's logger the gateway uses, so any structured logger (or none) can be passed in. */
export interface GatewayLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export const silentLogger: GatewayLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Limits resolved from the options, all in milliseconds and bytes. */
export interface GatewayLimits {
  activityTimeoutMs: number;
  idleGraceMs: number;
  pongTimeoutMs: number;
  maxMessageBytes: number;
  clientEventsPerSecond: number;
  maxPresenceMembers: number;
  maxBufferedBytes: number;
}

/** What the message handlers, the HTTP API and the periodic tasks share. */
export interface GatewayContext {
  app: AppCredentials;
  allowedOrigins: AllowedOrigins;
  instanceId: string;
  limits: GatewayLimits;
  connections: LocalConnections;
  presence: PresenceStore;
  registry: InstanceRegistry;
  /** Sends a frame to every subscriber of the channel on every gateway, except the given socket. */
  broadcast(channel: string, frame: string, exceptSocketId?: string): Promise<void>;
  /** Starts/stops receiving a channel's events from other gateways. */
  listen(channel: string): Promise<void>;
  unlisten(channel: string): Promise<void>;
  /** Closes the connections signed in as `userId` on every gateway. */
  terminateUser(userId: string): Promise<void>;
  log: GatewayLogger;
}

/** A loggable one-line description of anything thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
