import type { Redis } from "ioredis";
import type { RedisKeys } from "./redis-keys";

/**
 * Carries channel events between gateway processes over Redis pub/sub.
 *
 * Each gateway subscribes only to the topics of channels it has local
 * subscribers on, so a gateway's Redis traffic grows with what its own
 * clients watch, not with everything published. The publishing gateway
 * delivers to its own sockets directly and ignores its echo from Redis.
 * Delivery is at most once, like Pusher's: a message published while Redis is
 * unreachable is lost, and clients resync from the app (chat sequence numbers).
 */

/** What travels on a topic: origin instance, socket to skip, and the frame exactly as clients receive it. */
interface Envelope {
  o: string;
  x?: string;
  f: string;
}

/** An app-wide command on the control topic, from the gateway whose HTTP API received it. */
export type ControlCommand = { terminateUser: string };

export interface PubSubBridge {
  /** Starts receiving a channel's events; resolves once Redis confirmed the subscription. */
  listen(channel: string): Promise<void>;
  /** Stops receiving them when the last local subscriber is gone. */
  unlisten(channel: string): Promise<void>;
  /** Sends a frame to the other gateways' subscribers of the channel. */
  publish(channel: string, frame: string, exceptSocketId?: string): Promise<void>;
  /** Starts receiving control commands; resolves once Redis confirmed the subscription. */
  listenForControl(): Promise<void>;
  /** Sends a command to every other gateway of the app. */
  publishControl(command: ControlCommand): Promise<void>;
}

export function createPubSubBridge(input: {
  publisher: Redis;
  subscriber: Redis;
  keys: RedisKeys;
  instanceId: string;
  onRemoteFrame: (channel: string, frame: string, exceptSocketId: string | undefined) => void;
  onRemoteControl: (command: ControlCommand) => void;
  onBadMessage: (topic: string) => void;
}): PubSubBridge {
  const { publisher, subscriber, keys, instanceId } = input;
  const listening = new Map<string, { count: number; ready: Promise<void> | undefined }>();

  subscriber.on("message", (topic: string, message: string) => {
    if (topic === keys.controlTopic) {
      const command = readControl(message);
      if (!command) input.onBadMessage(topic);
      else if (command.o !== instanceId) input.onRemoteControl({ terminateUser: command.terminateUser });
      return;
    }
    if (!topic.startsWith(keys.channelTopicPrefix)) return;
    const envelope = readEnvelope(message);
    if (!envelope) {
      input.onBadMessage(topic);
      return;
    }
    if (envelope.o === instanceId) return;
    input.onRemoteFrame(topic.slice(keys.channelTopicPrefix.length), envelope.f, envelope.x);
  });

  return {
    listen(channel) {
      let entry = listening.get(channel);
      if (!entry) {
        entry = { count: 0, ready: undefined };
        listening.set(channel, entry);
      }
      entry.count += 1;
      if (!entry.ready) {
        const current = entry;
        const attempt = subscriber.subscribe(keys.channelTopic(channel)).then(() => undefined);
        current.ready = attempt;
        // A failed SUBSCRIBE must not be remembered, or the channel could never be listened to again.
        attempt.catch(() => {
          if (current.ready === attempt) current.ready = undefined;
        });
      }
      return entry.ready ?? Promise.resolve();
    },

    async unlisten(channel) {
      const entry = listening.get(channel);
      if (!entry) return;
      entry.count -= 1;
      if (entry.count > 0) return;
      listening.delete(channel);
      await subscriber.unsubscribe(keys.channelTopic(channel));
    },

    async publish(channel, frame, exceptSocketId) {
      const envelope: Envelope = exceptSocketId ? { o: instanceId, x: exceptSocketId, f: frame } : { o: instanceId, f: frame };
      await publisher.publish(keys.channelTopic(channel), JSON.stringify(envelope));
    },

    async listenForControl() {
      await subscriber.subscribe(keys.controlTopic);
    },

    async publishControl(command) {
      await publisher.publish(keys.controlTopic, JSON.stringify({ o: instanceId, ...command }));
    },
  };
}

function readControl(message: string): (ControlCommand & { o: string }) | null {
  const { o, terminateUser } = readObject(message) ?? {};
  if (typeof o !== "string" || typeof terminateUser !== "string") return null;
  return { o, terminateUser };
}

function readEnvelope(message: string): Envelope | null {
  const { o, x, f } = readObject(message) ?? {};
  if (typeof o !== "string" || typeof f !== "string") return null;
  if (x !== undefined && typeof x !== "string") return null;
  return { o, x, f };
}

/** A message's JSON object, or null when someone else published something else on our prefix (the caller reports it). */
function readObject(message: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(message);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
