"use client";

import type Pusher from "pusher-js";
import type { Channel } from "pusher-js";
import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from "react";
import type { ClientRealtimeConfig } from "@/server/platform/realtime";

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
  private hasConnected = false;

  constructor(private config: ClientRealtimeConfig | undefined) {}

  /** Counts one more listener on `name` and resolves with the channel (null if released meanwhile). */
  retain(name: string): Promise<Channel | null> {
    this.listeners.set(name, (this.listeners.get(name) ?? 0) + 1);
    return this.connect().then((pusher) => ((this.listeners.get(name) ?? 0) > 0 ? pusher.subscribe(name) : null));
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
    });
    pusher.connection.bind("state_change", ({ current }: { previous: string; current: string }) => {
      if (current !== "connected") return;
      if (this.hasConnected) for (const listener of this.reconnectListeners) listener();
      this.hasConnected = true;
    });
    this.ready = pusher;
    return pusher;
  }
}

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

/** Runs `handler` whenever the realtime connection is re-established, to refetch what may have been missed. */
export function useRealtimeReconnect(handler: () => void): void {
  const connection = useConnection();
  const onReconnect = useEffectEvent(() => handler());
  useEffect(() => connection.onReconnect(() => onReconnect()), [connection]);
}
