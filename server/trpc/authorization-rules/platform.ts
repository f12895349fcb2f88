import { randomUUID } from "node:crypto";
import type { RouteRequest } from "../authorization-kit";
import { USER, type Kit, type Rule } from "./rule";

// The platform: accounts, notifications, realtime, payments, storage, and the endpoints every system shares.

/** A private file of A's in storage. */
async function privateFileOfA(kit: Kit): Promise<RouteRequest> {
  const key = `private/${kit.a.id}/${randomUUID()}.txt`;
  await kit.storage.putObject(key, Buffer.from("private"), { contentType: "text/plain", ownerId: kit.a.id, visibility: "private" });
  return { path: `/api/media/${key}` };
}

export const procedures: Record<string, Rule<unknown>> = {
  "system.homeStats": { access: "public", why: "site-wide counts, nobody's data" },

  "accounts.profile": USER,
  "accounts.updateProfile": USER,
  "accounts.usernameAvailable": { access: "user", request: () => ({ username: "someone" }) },
  "accounts.removeAvatar": USER,
  // Acts on the caller only; a wrong confirmation keeps the suite's people (accounts/delete-account.test.ts deletes for real).
  "accounts.deleteAccount": { access: "user", request: () => ({ password: "not-the-password", confirmation: "someone-else" }) },

  "notifications.list": USER,
  "notifications.unreadCount": USER,
  "notifications.markRead": {
    access: "own-data-only",
    setup: async (kit) => {
      const notification = await kit.db.notification.create({ data: { userId: kit.a.id, kind: "welcome" } });
      return {
        request: { ids: [notification.id] },
        untouched: async () => (await kit.db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt === null,
      };
    },
  },
};

export const routes: Record<string, Rule<RouteRequest>> = {
  "GET /api/trpc/[trpc]": { access: "public", why: "the tRPC endpoint: each procedure has its own rule above" },
  "POST /api/trpc/[trpc]": { access: "public", why: "the tRPC endpoint: each procedure has its own rule above" },
  "GET /api/auth/[...all]": { access: "public", why: "better-auth: sign-up, sign-in, session; it checks its own sessions" },
  "POST /api/auth/[...all]": { access: "public", why: "better-auth: sign-up, sign-in, session; it checks its own sessions" },
  "GET /api/health": { access: "public", why: "the load balancer's probe; reports only up/down per part" },
  "GET /api/realtime/config": { access: "public", why: "the browser's pusher-js settings: the public key and host" },
  "POST /api/webhooks/stripe": { access: "public", why: "Stripe's (or the simulator's) events, verified by signature, not session" },
  "POST /api/payments/simulator/sessions/[sessionId]/pay": {
    access: "public",
    why: "the checkout simulator's Pay button: like Stripe's checkout URL, the unguessable session id is the capability",
  },

  // Picture uploads accept image bodies only (415 otherwise, before the session is read).
  "POST /api/accounts/avatar": { access: "user", request: () => ({ path: "/api/accounts/avatar", headers: { "content-type": "image/png" } }) },
  "GET /api/media/[...key]": { access: "owner", request: privateFileOfA },
  "HEAD /api/media/[...key]": { access: "owner", request: privateFileOfA },
  // pusher-js expects every refusal as 403, signed out included.
  "POST /api/realtime/user-auth": {
    access: "user",
    signedOut: 403,
    request: () => ({ path: "/api/realtime/user-auth", body: "socket_id=1234.5678", headers: { "content-type": "application/x-www-form-urlencoded" } }),
  },
  "POST /api/realtime/auth": {
    access: "owner",
    signedOut: 403,
    request: async (kit) => ({
      path: "/api/realtime/auth",
      body: new URLSearchParams({ socket_id: "1234.5678", channel_name: `private-user-${kit.a.id}` }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
  },
};
