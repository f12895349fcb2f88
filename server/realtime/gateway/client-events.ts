import type { GatewayContext } from "./gateway-context";
import { channelKindOf, encodeEvent, type InboundEvent } from "./protocol";
import type { SocketSession } from "./socket-session";

/**
 * Relays a `client-*` event from one socket to the other subscribers of the
 * channel. Only private and presence channels allow them — their members were
 * authorized by the app — and only from a socket subscribed to the channel.
 * The sender does not get its own event back, as with Pusher.
 */
export async function relayClientEvent(ctx: GatewayContext, session: SocketSession, message: InboundEvent): Promise<void> {
  const { channel } = message;
  const kind = channel === undefined ? undefined : channelKindOf(channel);
  if (channel === undefined || (kind !== "private" && kind !== "presence")) {
    session.sendError("MESSAGE_REJECTED", "client events are only allowed on private and presence channels");
    return;
  }
  if (!session.channels.has(channel)) {
    session.sendError("MESSAGE_REJECTED", `subscribe to ${channel} before sending client events on it`);
    return;
  }
  if (!session.allowClientEvent(Date.now(), ctx.limits.clientEventsPerSecond)) {
    session.sendError("CLIENT_EVENT_RATE_LIMITED", `at most ${ctx.limits.clientEventsPerSecond} per second`);
    return;
  }
  // On presence channels receivers learn who sent the event, from the authorized channel_data, never from the client.
  const member = session.presence?.get(channel);
  const frame = encodeEvent(
    member
      ? { event: message.event, channel, data: message.data, user_id: member.user_id }
      : { event: message.event, channel, data: message.data },
  );
  await ctx.broadcast(channel, frame, session.id);
}
