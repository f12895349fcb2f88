import type { GatewayContext } from "./gateway-context";
import { channelKindOf } from "./protocol";

/**
 * Answers for the HTTP API's channel queries, across every live gateway:
 * subscription counts come from each instance's registry hash, user counts
 * from the shared presence store.
 */

export interface ChannelInfoRequest {
  userCount: boolean;
  subscriptionCount: boolean;
}

export interface ChannelInfo {
  user_count?: number;
  subscription_count?: number;
}

export async function listOccupiedChannels(
  ctx: GatewayContext,
  prefix: string | undefined,
  info: ChannelInfoRequest,
): Promise<Record<string, ChannelInfo>> {
  const occupancy = await ctx.registry.occupancy();
  const channels: Record<string, ChannelInfo> = Object.create(null) as Record<string, ChannelInfo>;
  const names = [...occupancy.keys()].filter((name) => prefix === undefined || name.startsWith(prefix)).sort();
  await Promise.all(
    names.map(async (name) => {
      channels[name] = await infoFor(ctx, name, info, occupancy.get(name) ?? 0);
    }),
  );
  return channels;
}

export async function describeChannel(
  ctx: GatewayContext,
  channel: string,
  info: ChannelInfoRequest,
): Promise<ChannelInfo & { occupied: boolean }> {
  const subscriptions = await ctx.registry.subscriptionCount(channel);
  return { occupied: subscriptions > 0, ...(await infoFor(ctx, channel, info, subscriptions)) };
}

/** The info attributes alone, as the trigger endpoints return them. */
export async function channelInfo(ctx: GatewayContext, channel: string, info: ChannelInfoRequest): Promise<ChannelInfo> {
  const subscriptions = info.subscriptionCount ? await ctx.registry.subscriptionCount(channel) : 0;
  return infoFor(ctx, channel, info, subscriptions);
}

export async function presenceUserIds(ctx: GatewayContext, channel: string): Promise<string[]> {
  return (await ctx.presence.members(channel)).ids;
}

async function infoFor(ctx: GatewayContext, channel: string, info: ChannelInfoRequest, subscriptions: number): Promise<ChannelInfo> {
  const result: ChannelInfo = {};
  if (info.userCount && channelKindOf(channel) === "presence") result.user_count = (await ctx.presence.members(channel)).count;
  if (info.subscriptionCount) result.subscription_count = subscriptions;
  return result;
}
