import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { AppError } from "@/server/errors";
import { encodeEvent, isValidChannelName, MAX_EVENT_NAME_LENGTH } from "./gateway/protocol";
import { redisKeys } from "./gateway/redis-keys";

/** Pusher's (and the gateway's default) limit on one event's data. */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;

export type TopicEvent = { channel: string; event: string; data: unknown; excludeSocketId?: string };

/**
 * Publishes events straight onto the gateways' Redis topics (the same
 * envelope a gateway's pubsub-bridge.ts sends to its peers), instead of a
 * signed HTTP request to one gateway that then does the same PUBLISH. For the
 * project's own gateway only: Pusher Channels and Soketi get the HTTP API.
 *
 * Measured on bench:chat, the `pusher` SDK's trigger (body MD5, HMAC, an HTTP
 * round trip, and the gateway parsing and re-publishing it) was the largest
 * cost of a chat send after Next itself. One connection keeps PUBLISH order,
 * so events of a channel reach every gateway in the order they were published.
 * Validation matches the HTTP API's, so both paths refuse the same events.
 */
export function createRedisEventPublisher({ redis, appId }: { redis: Redis; appId: string }) {
  const keys = redisKeys(appId);
  // Never equal to a gateway's instance id, so every gateway (none is the "origin") delivers the frame.
  const origin = `web-${randomBytes(6).toString("hex")}`;
  let registered: { at: number; answer: Promise<boolean> } | undefined;

  /**
   * True while one of the project's gateways for this app is registered in this Redis (instance-registry.ts),
   * i.e. someone listens on the topics; asked at most every GATEWAY_CHECK_MS. False for Soketi or Pusher Channels.
   */
  function gatewaysRegistered(): Promise<boolean> {
    const now = Date.now();
    if (!registered || now - registered.at > GATEWAY_CHECK_MS) {
      registered = { at: now, answer: redis.scard(keys.instances).then((count) => count > 0, () => false) };
    }
    return registered.answer;
  }

  async function publishEvents(events: TopicEvent[]): Promise<void> {
    const messages = events.map(({ channel, event, data, excludeSocketId }) => {
      if (!isValidChannelName(channel)) throw new AppError("BAD_REQUEST", `Invalid channel name ${channel}`);
      if (event.length === 0 || event.length > MAX_EVENT_NAME_LENGTH || event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
        throw new AppError("BAD_REQUEST", `Invalid event name ${event}`);
      }
      const text = typeof data === "string" ? data : JSON.stringify(data);
      if (Buffer.byteLength(text, "utf8") > MAX_EVENT_DATA_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The realtime event is too large");
      const frame = encodeEvent({ event, channel, data: text });
      const envelope = excludeSocketId ? { o: origin, x: excludeSocketId, f: frame } : { o: origin, f: frame };
      return [keys.channelTopic(channel), JSON.stringify(envelope)] as const;
    });
    if (messages.length === 1) {
      const [topic, message] = messages[0] as readonly [string, string];
      await redis.publish(topic, message);
      return;
    }
    const pipeline = redis.pipeline();
    for (const [topic, message] of messages) pipeline.publish(topic, message);
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  return { publishEvents, gatewaysRegistered };
}

const GATEWAY_CHECK_MS = 5_000;
