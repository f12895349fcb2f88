import { describeError, type GatewayContext } from "./gateway-context";
import {
  channelKindOf,
  encodeEvent,
  encodeMemberAdded,
  encodeMemberRemoved,
  encodeSubscriptionError,
  type PresenceMember,
  PusherEvent,
  readPresenceMember,
  serverToUserChannel,
  type SubscribeRequest,
} from "./protocol";
import { verifyChannelAuth } from "./signature";
import type { SocketSession } from "./socket-session";

/**
 * pusher:subscribe and pusher:unsubscribe. Runs inside the socket's message
 * queue, so a subscribe finishes (or is undone) before the socket's next
 * message — an unsubscribe or a client event — is looked at.
 */
export async function subscribeChannel(ctx: GatewayContext, session: SocketSession, request: SubscribeRequest): Promise<void> {
  const { channel } = request;
  const kind = channelKindOf(channel);

  if (kind === "user") {
    // pusher-js subscribes to its own #server-to-user-<id> after signing in, with no auth of its own.
    if (session.userId === undefined || channel !== serverToUserChannel(session.userId)) {
      session.send(encodeSubscriptionError(channel, 403, "AuthError", `Sign in as the user of ${channel} to subscribe to it`));
      return;
    }
  } else if (kind !== "public" && !verifyChannelAuth(ctx.app, request.auth, session.id, channel, request.channelData)) {
    // pusher-js hands this to the app as the channel's `pusher:subscription_error`.
    session.send(encodeSubscriptionError(channel, 401, "AuthError", `Invalid signature for channel ${channel}`));
    return;
  }
  const member = kind === "presence" ? readPresenceMember(request.channelData) : undefined;
  if (member === null) {
    session.send(encodeSubscriptionError(channel, 400, "AuthError", "Presence channels need channel_data with a user_id"));
    return;
  }

  if (!ctx.connections.subscribe(session, channel)) {
    // Already subscribed (a client retrying): confirm again instead of joining twice.
    await confirmSubscription(ctx, session, channel, member);
    return;
  }
  try {
    await Promise.all([ctx.listen(channel), ctx.registry.countSubscription(channel, 1)]);
    if (!member) {
      await confirmSubscription(ctx, session, channel, undefined);
      return;
    }
    (session.presence ??= new Map()).set(channel, member);
    await ctx.registry.notePresenceChannel(channel);
    const outcome = await ctx.presence.join(channel, session.id, member);
    if (outcome === "channel-full") {
      await unsubscribeChannel(ctx, session, channel);
      session.send(
        encodeSubscriptionError(channel, 403, "LimitReached", `Presence channel is full (${ctx.limits.maxPresenceMembers} members)`),
      );
      return;
    }
    await confirmSubscription(ctx, session, channel, member);
    if (outcome === "first-connection") await ctx.broadcast(channel, encodeMemberAdded(channel, member), session.id);
  } catch (error) {
    ctx.log.error({ err: describeError(error), channel, socketId: session.id }, "subscription failed");
    await unsubscribeChannel(ctx, session, channel).catch((undoError: unknown) =>
      ctx.log.error({ err: describeError(undoError), channel }, "could not undo a failed subscription"),
    );
    session.send(encodeSubscriptionError(channel, 503, "ServiceUnavailable", "The gateway could not complete the subscription"));
  }
}

async function confirmSubscription(
  ctx: GatewayContext,
  session: SocketSession,
  channel: string,
  member: PresenceMember | undefined,
): Promise<void> {
  const data = member ? { presence: await ctx.presence.members(channel) } : {};
  session.send(encodeEvent({ event: PusherEvent.subscriptionSucceeded, channel, data: JSON.stringify(data) }));
}

/** Undoes everything subscribeChannel did; a no-op for channels the socket is not in. */
export async function unsubscribeChannel(ctx: GatewayContext, session: SocketSession, channel: string): Promise<void> {
  if (!ctx.connections.unsubscribe(session, channel)) return;
  const member = session.presence?.get(channel);
  session.presence?.delete(channel);
  await Promise.all([ctx.unlisten(channel), ctx.registry.countSubscription(channel, -1)]);
  if (!member) return;
  const goneUserId = await ctx.presence.leave(channel, session.id);
  if (goneUserId !== null) await ctx.broadcast(channel, encodeMemberRemoved(channel, goneUserId));
}

/** Called when a socket goes away: leaves every channel, announcing departed presence members. */
export async function leaveAllChannels(ctx: GatewayContext, session: SocketSession): Promise<void> {
  const channels = [...session.channels];
  const results = await Promise.allSettled(channels.map((channel) => unsubscribeChannel(ctx, session, channel)));
  results.forEach((result, index) => {
    if (result.status === "rejected") {
      ctx.log.warn({ err: describeError(result.reason), channel: channels[index] }, "cleanup after disconnect failed");
    }
  });
}

/**
 * Forgets a socket's channels without touching Redis: what a crashed gateway
 * leaves behind. Used when the gateway is told to stop without cleanup.
 */
export function abandonChannels(ctx: GatewayContext, session: SocketSession): void {
  for (const channel of [...session.channels]) ctx.connections.unsubscribe(session, channel);
  session.presence = undefined;
}
