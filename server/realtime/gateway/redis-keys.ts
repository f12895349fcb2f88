/**
 * Every Redis key and pub/sub topic the gateway uses, in one place, so the
 * layout can be read (and changed) without hunting through the modules.
 *
 * All names start with `rt:<appId>:` so several apps — or several test suites —
 * can share one Redis without seeing each other. A presence channel's two keys
 * share the hash tag `{<appId>:<channel>}` so the Lua scripts that touch both
 * stay valid on a Redis Cluster.
 */
export function redisKeys(appId: string) {
  const root = `rt:${appId}`;
  return {
    /** SET of gateway instance ids that registered and have not been swept yet. */
    instances: `${root}:instances`,
    /** STRING with a TTL, refreshed by the instance's heartbeat: it exists while the instance is alive. */
    instanceAlive: (instanceId: string) => `${root}:instance:${instanceId}:alive`,
    /** HASH channel → number of sockets this instance has subscribed to it (read by the HTTP API). */
    instanceChannels: (instanceId: string) => `${root}:instance:${instanceId}:channels`,
    /** SET of presence channels this instance holds members in, so a sweeper knows where to clean. */
    instancePresenceChannels: (instanceId: string) => `${root}:instance:${instanceId}:presence`,
    /** HASH `<instanceId>:<socketId>` → JSON `{user_id, user_info}`: one field per subscribed socket. */
    presenceMembers: (channel: string) => `${root}:presence:{${appId}:${channel}}:members`,
    /** HASH user_id → number of sockets of that user in the channel: decides member_added/removed. */
    presenceUsers: (channel: string) => `${root}:presence:{${appId}:${channel}}:users`,
    /** Pub/sub topic carrying the events of one channel between gateways. */
    channelTopic: (channel: string) => `${root}:channel:${channel}`,
    /** Prefix of every channel topic, to recover the channel name from a received topic. */
    channelTopicPrefix: `${root}:channel:`,
    /** Pub/sub topic every gateway listens to for app-wide commands (terminate a user's connections). */
    controlTopic: `${root}:control`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
