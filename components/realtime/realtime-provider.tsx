"use client";

import type Pusher from "pusher-js";
import type { Channel, PresenceChannel } from "pusher-js";
import { createContext, useCallback, useContext, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { ClientRealtimeConfig } from "@/server/platform/realtime";
import { reconnectPromptly } from "./reconnect-promptly";
import { retryFailedSubscription } from "./retry-failed-subscription";

/**
 * One pusher-js connection per tab, shared by every component that listens.
 * Channels are reference-counted: the first listener subscribes, the last one
 * to unmount unsubscribes. pusher-js itself is loaded on first use, so pages
 * without live parts never download it, and its settings come from the server
 * at request time (/api/realtime/config) rather than from build-time env.
 */
class RealtimeConnection {
  private client: Promise<Pusher> | undefined;
  private ready: Pusher | undefined;
  private readonly listeners = new Map<string, number>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private hasConnected = false;
  private currentState: ConnectionState = "initialized";

  constructor(private config: ClientRealtimeConfig | undefined) {}

  /** Counts one more listener on `name` and resolves with the channel (null if released meanwhile). */
  retain(name: string): Promise<Channel | null> {
    this.listeners.set(name, (this.listeners.get(name) ?? 0) + 1);
    return this.connect().then((pusher) => {
      const wanted = () => (this.listeners.get(name) ?? 0) > 0;
      if (!wanted()) return null;
      const known = pusher.channel(name);
      const channel = pusher.subscribe(name);
      if (channel !== known) retryFailedSubscription(channel, () => wanted() && pusher.connection.state === "connected");
      return channel;
    });
  }

  release(name: string): void {
    const remaining = (this.listeners.get(name) ?? 0) - 1;
    if (remaining > 0) {
      this.listeners.set(name, remaining);
      return;
    }
    this.listeners.delete(name);
    this.ready?.unsubscribe(name);
  }

  /** Calls `listener` each time the connection comes back after a drop: events sent meanwhile were missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    void this.connect();
    return () => {
      this.reconnectListeners.delete(listener);
    };
  }

  /** pusher-js's connection state ("initialized" until the client has loaded). */
  state(): ConnectionState {
    return this.currentState;
  }

  /** Calls `listener` on every connection state change; opens the connection if needed. */
  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener);
    void this.connect().catch(() => undefined); // a failure is reported by the subscribing hooks
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** This tab's socket id once connected: pass it to a mutation so the server skips echoing our own event. */
  socketId(): string | undefined {
    return this.ready?.connection.socket_id ?? undefined;
  }

  private connect(): Promise<Pusher> {
    this.client ??= this.open().catch((error: unknown) => {
      // Let a later listener try again (e.g. the config request failed while offline).
      this.client = undefined;
      throw error;
    });
    return this.client;
  }

  private async open(): Promise<Pusher> {
    const [{ default: PusherClient }, config] = await Promise.all([import("pusher-js"), this.config ?? fetchRealtimeConfig()]);
    this.config = config;
    const pusher = new PusherClient(config.key, {
      ...config,
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
      userAuthentication: { endpoint: "/api/realtime/user-auth", transport: "ajax" },
    });
    // Binds this connection to the signed-in user (again after each reconnect), so the server can close it when the
    // user loses access (e.g. removed from a conversation): the re-subscribe on reconnect is then refused.
    // Signed out, the endpoint answers 403 and the connection simply stays anonymous.
    pusher.signin();
    reconnectPromptly(pusher);
    pusher.connection.bind("state_change", ({ current }: { previous: string; current: string }) => {
      this.currentState = current as ConnectionState;
      for (const listener of this.stateListeners) listener();
      if (current !== "connected") return;
      if (this.hasConnected) for (const listener of this.reconnectListeners) listener();
      this.hasConnected = true;
    });
    this.ready = pusher;
    return pusher;
  }
}

export type ConnectionState = "initialized" | "connecting" | "connected" | "unavailable" | "failed" | "disconnected";

async function fetchRealtimeConfig(): Promise<ClientRealtimeConfig> {
  const response = await fetch("/api/realtime/config", { cache: "no-store" });
  if (!response.ok) throw new Error(`realtime config unavailable (${response.status})`);
  return (await response.json()) as ClientRealtimeConfig;
}

let tabConnection: RealtimeConnection | undefined;

/** The tab's connection; the provider may hand it the config so the first subscription skips a request. */
function connectionFor(config?: ClientRealtimeConfig): RealtimeConnection {
  tabConnection ??= new RealtimeConnection(config);
  return tabConnection;
}

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/**
 * Optional: hooks work without it. Render it high in the tree with the config
 * from a server component (`getClientRealtimeConfig()`) to save a round trip.
 */
export function RealtimeProvider({ config, children }: { config?: ClientRealtimeConfig; children: ReactNode }) {
  const [connection] = useState(() => connectionFor(config));
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

function useConnection(): RealtimeConnection {
  return useContext(RealtimeContext) ?? connectionFor();
}

/**
 * Runs `handler` for each `event` on `channel` while the component is mounted.
 * Pass null as the channel to wait (e.g. until the user id is known). The
 * handler may change every render; the subscription does not.
 */
export function useChannelEvent<Data = unknown>(channel: string | null | undefined, event: string, handler: (data: Data) => void): void {
  const connection = useConnection();
  const onEvent = useEffectEvent((data: Data) => handler(data));

  useEffect(() => {
    if (!channel || typeof window === "undefined") return;
    let active = true;
    let bound: Channel | null = null;
    const listener = (data: Data) => onEvent(data);
    connection.retain(channel).then(
      (subscribed) => {
        if (!active || !subscribed) return;
        bound = subscribed;
        subscribed.bind(event, listener);
      },
      (error: unknown) => console.warn(`Live updates are unavailable: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      active = false;
      bound?.unbind(event, listener);
      connection.release(channel);
    };
  }, [connection, channel, event]);
}

/**
 * Runs `handler` once `channel`'s subscription is confirmed (at once if it
 * already is when this mounts) and again after every re-subscription. Events
 * published before that moment never reach a listener, so this is the point
 * from which a fetch sees everything the listeners miss.
 */
export function useChannelSubscribed(channel: string | null | undefined, handler: () => void): void {
  const connection = useConnection();
  const onSubscribed = useEffectEvent(() => handler());

  useEffect(() => {
    if (!channel || typeof window === "undefined") return;
    let active = true;
    let bound: Channel | null = null;
    const listener = () => onSubscribed();
    connection.retain(channel).then(
      (subscribed) => {
        if (!active || !subscribed) return;
        bound = subscribed;
        subscribed.bind(SUBSCRIPTION_SUCCEEDED, listener);
        if (subscribed.subscribed) listener();
      },
      (error: unknown) => console.warn(`Live updates are unavailable: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      active = false;
      bound?.unbind(SUBSCRIPTION_SUCCEEDED, listener);
      connection.release(channel);
    };
  }, [connection, channel]);
}

const SUBSCRIPTION_SUCCEEDED = "pusher:subscription_succeeded";

/** Runs `handler` whenever the realtime connection is re-established, to refetch what may have been missed. */
export function useRealtimeReconnect(handler: () => void): void {
  const connection = useConnection();
  const onReconnect = useEffectEvent(() => handler());
  useEffect(() => connection.onReconnect(() => onReconnect()), [connection]);
}

/** The tab's realtime connection state, live ("initialized" before pusher-js has loaded). */
export function useConnectionState(): ConnectionState {
  const connection = useConnection();
  return useSyncExternalStore(
    useCallback((notify: () => void) => connection.onStateChange(notify), [connection]),
    () => connection.state(),
    () => "initialized",
  );
}

/** A stable getter of this tab's socket id (undefined while not connected). */
export function useSocketId(): () => string | undefined {
  const connection = useConnection();
  return useCallback(() => connection.socketId(), [connection]);
}

/**
 * The user ids currently on a presence channel (yourself included), kept live
 * from pusher's member events. Pass null to wait. Returns null until the
 * subscription has succeeded.
 */
export function usePresenceMembers(channel: string | null | undefined): string[] | null {
  const connection = useConnection();
  const [members, setMembers] = useState<{ channel: string; ids: string[] } | null>(null);

  useEffect(() => {
    if (!channel || typeof window === "undefined") return;
    let active = true;
    let bound: Channel | null = null;
    const read = () => {
      if (!active || !bound) return;
      const ids: string[] = [];
      (bound as PresenceChannel).members.each((member: { id: string }) => ids.push(member.id));
      setMembers({ channel, ids });
    };
    connection.retain(channel).then(
      (subscribed) => {
        if (!active || !subscribed) return;
        bound = subscribed;
        for (const event of PRESENCE_EVENTS) subscribed.bind(event, read);
        if (subscribed.subscribed) read();
      },
      (error: unknown) => console.warn(`Presence is unavailable: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      active = false;
      for (const event of PRESENCE_EVENTS) bound?.unbind(event, read);
      connection.release(channel);
    };
  }, [connection, channel]);

  return members && members.channel === channel ? members.ids : null;
}

const PRESENCE_EVENTS = ["pusher:subscription_succeeded", "pusher:member_added", "pusher:member_removed"] as const;

/**
 * A function that sends a client event (its name must start with "client-")
 * on a private or presence channel this component keeps subscribed. Returns
 * false when it could not be sent yet (not subscribed, or disconnected).
 */
export function useClientEventSender(channel: string | null | undefined): (event: `client-${string}`, data: unknown) => boolean {
  const connection = useConnection();
  const bound = useRef<Channel | null>(null);

  useEffect(() => {
    if (!channel || typeof window === "undefined") return;
    let active = true;
    connection.retain(channel).then(
      (subscribed) => {
        if (active) bound.current = subscribed;
      },
      (error: unknown) => console.warn(`Live updates are unavailable: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      active = false;
      bound.current = null;
      connection.release(channel);
    };
  }, [connection, channel]);

  return useCallback((event: `client-${string}`, data: unknown) => {
    const target = bound.current;
    if (!target?.subscribed) return false;
    return target.trigger(event, data);
  }, []);
}
