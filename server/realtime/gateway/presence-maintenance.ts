import { describeError, type GatewayContext } from "./gateway-context";
import { encodeMemberAdded, encodeMemberRemoved } from "./protocol";

/**
 * The periodic work that keeps shared presence honest, run by every gateway
 * on each heartbeat:
 * 1. refresh this instance's alive key; if it had expired (the process was
 *    stalled longer than the TTL) others may have swept our members, so
 *    write them back;
 * 2. claim instances whose alive key expired — crashed gateways — and remove
 *    their members, announcing member_removed for users with no socket left.
 */
export async function maintainPresence(ctx: GatewayContext): Promise<void> {
  if (await ctx.registry.heartbeat()) {
    ctx.log.warn({ instanceId: ctx.instanceId }, "heartbeat had lapsed; re-registering this gateway's channels and members");
    await reregisterLocalState(ctx);
  }
  for (const deadInstanceId of await ctx.registry.claimDeadInstances()) {
    try {
      await sweepDeadInstance(ctx, deadInstanceId);
    } catch (error) {
      // Hand the claim back so the next sweep (ours or another gateway's) finishes the job.
      await ctx.registry.releaseClaim(deadInstanceId);
      throw error;
    }
  }
}

async function sweepDeadInstance(ctx: GatewayContext, deadInstanceId: string): Promise<void> {
  const channels = await ctx.registry.presenceChannelsOf(deadInstanceId);
  let departed = 0;
  for (const channel of channels) {
    for (const userId of await ctx.presence.removeInstance(channel, deadInstanceId)) {
      departed += 1;
      await ctx.broadcast(channel, encodeMemberRemoved(channel, userId));
    }
  }
  await ctx.registry.forget(deadInstanceId);
  ctx.log.info({ deadInstanceId, channels: channels.length, departed }, "swept a gateway that stopped heart-beating");
}

async function reregisterLocalState(ctx: GatewayContext): Promise<void> {
  await ctx.registry.replaceChannelCounts(ctx.connections.channelCounts());
  for (const session of ctx.connections.all()) {
    if (!session.presence) continue;
    for (const [channel, member] of session.presence) {
      try {
        await ctx.registry.notePresenceChannel(channel);
        if ((await ctx.presence.join(channel, session.id, member)) === "first-connection") {
          await ctx.broadcast(channel, encodeMemberAdded(channel, member), session.id);
        }
      } catch (error) {
        ctx.log.error({ err: describeError(error), channel, socketId: session.id }, "could not re-register a presence member");
      }
    }
  }
}
