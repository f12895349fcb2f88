import { unsubscribeChannel } from "./channel-subscriptions";
import type { GatewayContext } from "./gateway-context";
import { channelKindOf, encodeEvent, PusherEvent, readSignedInUserId, readSigninRequest, serverToUserChannel } from "./protocol";
import { verifyUserAuth } from "./signature";
import type { SocketSession } from "./socket-session";

/**
 * Pusher's user authentication: a connection signs in as a user with
 * `pusher:signin` (`auth` = key:HMAC(secret, "<socket_id>::user::<user_data>"),
 * signed by the app's user-auth endpoint through the `pusher` SDK's
 * authenticateUser), and the app can then drop every connection of that user
 * with terminate_connections.
 */
export async function signIn(ctx: GatewayContext, session: SocketSession, data: unknown): Promise<void> {
  const request = readSigninRequest(data);
  if (!request) {
    session.sendError("MESSAGE_REJECTED", "pusher:signin needs auth and user_data strings");
    return;
  }
  if (!verifyUserAuth(ctx.app, request.auth, session.id, request.userData)) {
    session.sendError("SIGNIN_REFUSED", "invalid signature");
    return;
  }
  const userId = readSignedInUserId(request.userData);
  if (userId === null) {
    session.sendError("SIGNIN_REFUSED", "user_data must be a JSON object with a string id");
    return;
  }
  // Signed in as someone else now: the previous user's own channel is no longer this socket's to read.
  for (const channel of [...session.channels]) {
    if (channelKindOf(channel) === "user" && channel !== serverToUserChannel(userId)) await unsubscribeChannel(ctx, session, channel);
  }
  ctx.connections.signIn(session, userId);
  session.send(encodeEvent({ event: PusherEvent.signinSuccess, data: { user_data: request.userData } }));
}

/** Closes this gateway's connections signed in as `userId` (pusher-js reconnects at once); returns how many. */
export function closeUserConnections(ctx: GatewayContext, userId: string): number {
  const sessions = ctx.connections.sessionsOf(userId);
  for (const session of sessions) session.closeWith("TERMINATED");
  if (sessions.length > 0) ctx.log.info({ userId, connections: sessions.length }, "terminated a user's connections");
  return sessions.length;
}
