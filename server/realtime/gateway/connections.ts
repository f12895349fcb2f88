import type { SocketSession } from "./socket-session";

/**
 * The sockets connected to this gateway process and the channels they are
 * subscribed to. This is the only in-memory index; what other gateways hold
 * lives in Redis (presence-store.ts, instance-registry.ts).
 */
export class LocalConnections {
  private readonly sessions = new Map<string, SocketSession>();
  private readonly subscribers = new Map<string, Set<SocketSession>>();
  /** Signed-in sockets by user id, for terminate_connections. */
  private readonly users = new Map<string, Set<SocketSession>>();

  get size(): number {
    return this.sessions.size;
  }

  add(session: SocketSession): void {
    this.sessions.set(session.id, session);
  }

  remove(session: SocketSession): void {
    this.sessions.delete(session.id);
    this.signOut(session);
  }

  /** Binds the socket to `userId` (replacing an earlier signin of it). */
  signIn(session: SocketSession, userId: string): void {
    this.signOut(session);
    session.userId = userId;
    let sessions = this.users.get(userId);
    if (!sessions) {
      sessions = new Set();
      this.users.set(userId, sessions);
    }
    sessions.add(session);
  }

  /** The sockets signed in as `userId` on this gateway. */
  sessionsOf(userId: string): SocketSession[] {
    return [...(this.users.get(userId) ?? [])];
  }

  private signOut(session: SocketSession): void {
    if (session.userId === undefined) return;
    const sessions = this.users.get(session.userId);
    sessions?.delete(session);
    if (sessions?.size === 0) this.users.delete(session.userId);
    session.userId = undefined;
  }

  all(): IterableIterator<SocketSession> {
    return this.sessions.values();
  }

  /** Subscribes the socket; returns false when it already was, so callers count each subscription once. */
  subscribe(session: SocketSession, channel: string): boolean {
    if (session.channels.has(channel)) return false;
    session.channels.add(channel);
    let members = this.subscribers.get(channel);
    if (!members) {
      members = new Set();
      this.subscribers.set(channel, members);
    }
    members.add(session);
    return true;
  }

  /** Unsubscribes the socket; returns false when it was not subscribed. */
  unsubscribe(session: SocketSession, channel: string): boolean {
    if (!session.channels.delete(channel)) return false;
    const members = this.subscribers.get(channel);
    if (members) {
      members.delete(session);
      if (members.size === 0) this.subscribers.delete(channel);
    }
    return true;
  }

  subscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }

  /** Channel → number of local subscribers, for re-registering after a lost heartbeat. */
  channelCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [channel, members] of this.subscribers) counts.set(channel, members.size);
    return counts;
  }

  /** Sends one pre-encoded frame to every local subscriber except the socket that caused it. */
  deliver(channel: string, frame: string, exceptSocketId?: string): void {
    const members = this.subscribers.get(channel);
    if (!members) return;
    for (const session of members) {
      if (session.id !== exceptSocketId) session.send(frame);
    }
  }
}
