import type { RawData } from "ws";
import { subscribeChannel, unsubscribeChannel } from "./channel-subscriptions";
import { relayClientEvent } from "./client-events";
import { describeError, type GatewayContext } from "./gateway-context";
import {
  decodeInbound,
  encodeEvent,
  type InboundEvent,
  isClientEventName,
  PusherEvent,
  readSubscribeRequest,
  readUnsubscribeChannel,
} from "./protocol";
import type { SocketSession } from "./socket-session";
import { signIn } from "./user-sessions";

const PONG_FRAME = encodeEvent({ event: PusherEvent.pong, data: {} });

/** Entry point for every frame a client sends. */
export function handleSocketFrame(ctx: GatewayContext, session: SocketSession, raw: RawData, isBinary: boolean): void {
  session.markActive(Date.now());
  if (isBinary) {
    session.sendError("MESSAGE_REJECTED", "binary frames are not part of the protocol");
    return;
  }
  const size = byteLengthOf(raw);
  if (size > ctx.limits.maxMessageBytes) {
    session.sendError("MESSAGE_TOO_LARGE", `${size} bytes, the limit is ${ctx.limits.maxMessageBytes}`);
    return;
  }
  const message = decodeInbound(textOf(raw));
  if (!message) {
    session.sendError("MESSAGE_REJECTED", "expected a JSON object with an event name");
    return;
  }
  void session.enqueue(
    () => dispatch(ctx, session, message),
    (error) => ctx.log.error({ err: describeError(error), event: message.event, socketId: session.id }, "message handling failed"),
  );
}

async function dispatch(ctx: GatewayContext, session: SocketSession, message: InboundEvent): Promise<void> {
  switch (message.event) {
    case PusherEvent.ping:
      session.send(PONG_FRAME);
      return;
    case PusherEvent.pong:
      // Activity was recorded when the frame arrived; nothing else to do.
      return;
    case PusherEvent.subscribe: {
      const request = readSubscribeRequest(message.data);
      if (!request) {
        session.sendError("MESSAGE_REJECTED", "pusher:subscribe needs a valid channel name");
        return;
      }
      await subscribeChannel(ctx, session, request);
      return;
    }
    case PusherEvent.unsubscribe: {
      const channel = readUnsubscribeChannel(message.data);
      if (channel) await unsubscribeChannel(ctx, session, channel);
      return;
    }
    case PusherEvent.signin:
      await signIn(ctx, session, message.data);
      return;
    default:
      if (isClientEventName(message.event)) {
        await relayClientEvent(ctx, session, message);
        return;
      }
      session.sendError("MESSAGE_REJECTED", `unknown event ${message.event}`);
  }
}

function byteLengthOf(raw: RawData): number {
  if (Array.isArray(raw)) return raw.reduce((total, part) => total + part.length, 0);
  return raw instanceof ArrayBuffer ? raw.byteLength : raw.length;
}

function textOf(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString("utf8");
  return raw instanceof ArrayBuffer ? Buffer.from(raw).toString("utf8") : raw.toString("utf8");
}
