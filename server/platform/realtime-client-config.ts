import { env } from "@/server/env";
import type { ClientRealtimeConfig, RealtimeSettings } from "./realtime";

/**
 * Where browsers reach the realtime service, from env alone: no SDK, no Redis,
 * so proxy.ts can name the gateway in each page's connect-src (security-headers.ts)
 * with the very host and port the page's pusher-js will use.
 */

/** Reads PUSHER_* from the environment; without them, the project's gateway on this machine. */
export function realtimeSettingsFromEnv(): RealtimeSettings {
  const usesPusherChannels = env.PUSHER_HOST === undefined && env.PUSHER_CLUSTER !== undefined;
  return {
    appId: env.PUSHER_APP_ID,
    key: env.PUSHER_APP_KEY,
    secret: env.PUSHER_APP_SECRET,
    host: usesPusherChannels ? undefined : (env.PUSHER_HOST ?? "127.0.0.1"),
    port: usesPusherChannels ? env.PUSHER_PORT : (env.PUSHER_PORT ?? env.GATEWAY_PORT),
    useTLS: env.PUSHER_TLS,
    cluster: env.PUSHER_CLUSTER,
    publicHost: env.PUSHER_PUBLIC_HOST,
  };
}

/** What pusher-js gets for a browser that reached us at `requestHostname`. */
export function clientConfigFor(settings: RealtimeSettings, requestHostname: string | undefined): ClientRealtimeConfig {
  const transports: Array<"ws" | "wss"> = settings.useTLS ? ["wss"] : ["ws"];
  if (settings.host === undefined) {
    return { key: settings.key, cluster: settings.cluster ?? "", forceTLS: true, enabledTransports: ["ws", "wss"] };
  }
  const wsHost = settings.publicHost ?? (isLoopback(settings.host) && requestHostname ? requestHostname : settings.host);
  const port = settings.port ?? (settings.useTLS ? 443 : 80);
  return {
    key: settings.key,
    cluster: settings.cluster ?? "",
    wsHost,
    wsPort: port,
    wssPort: port,
    forceTLS: settings.useTLS,
    enabledTransports: transports,
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}
