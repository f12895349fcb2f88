import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db";
import type { ObjectStore } from "@/server/platform/storage";
import type { Answer, Person, RouteRequest } from "./authorization-kit";

/**
 * Who may call what: one rule per tRPC procedure and per `app/api` route
 * handler. authorization.test.ts finds every procedure and handler itself and
 * fails on one without a rule here, so adding one means saying who may call it.
 *
 * - public: anyone, signed in or not; `why` says what keeps it safe.
 * - user: needs a session: signed out → 401 (or `signedOut`), signed in → not refused.
 *   Without `request`, a procedure gets no input and a route is called at its own path.
 * - admin: signed out → 401, an ordinary user → 403, an admin → not refused.
 * - owner: acts on one person's resource, which `request` makes for A:
 *   signed out → 401 (or `signedOut`), B → 403 or 404, A → 2xx.
 * - own-data-only: takes ids but acts only on the caller's own rows (skips others'):
 *   B's call answers 2xx and `untouched` holds; A's call is seen to act (`untouched` fails).
 */
export type Rule<R> =
  | { access: "public"; why: string }
  | { access: "user" | "admin"; request?: (kit: Kit) => Promise<R> | R; signedOut?: number }
  | { access: "owner"; request: (kit: Kit) => Promise<R>; signedOut?: number }
  | { access: "own-data-only"; setup: (kit: Kit) => Promise<{ request: R; untouched: (answer: Answer) => Promise<boolean> | boolean }> };

/** The people and tools the rules make their fixtures with. A, B and C are ordinary users; B is the outsider. */
export type Kit = {
  a: Person;
  b: Person;
  c: Person;
  admin: Person;
  db: Db;
  storage: ObjectStore;
  /** Calls a procedure as `who` for a fixture; throws unless it answered 2xx. */
  make: <T>(path: string, input: unknown, who: Person) => Promise<T>;
};

// Fixtures: each rule gets fresh ones, so a mutation tried on one never disturbs another.

/** A group A created with C (A is its admin; B is not in it). */
async function groupOfA(kit: Kit): Promise<string> {
  const group = await kit.make<{ id: string }>("chat.createGroup", { name: "Authorization suite", memberIds: [kit.c.id] }, kit.a);
  return group.id;
}

async function messageIn(kit: Kit, sender: Person, body = "Hello from the authorization suite") {
  const conversationId = await groupOfA(kit);
  const message = await kit.make<{ id: string; seq: number }>("chat.send", { conversationId, clientId: randomUUID(), body }, sender);
  return { conversationId, messageId: message.id, seq: message.seq };
}

async function linkOfA(kit: Kit): Promise<string> {
  return (await kit.make<{ code: string }>("links.create", { url: `https://example.com/${randomUUID()}` }, kit.a)).code;
}

/** An order of A's, still unpaid (created), with no payment session. */
async function orderOfA(kit: Kit): Promise<string> {
  const order = await kit.db.order.create({
    data: {
      userId: kit.a.id,
      email: "a@test.casebook.dev",
      currency: "usd",
      subtotalCents: 1_000,
      shippingCents: 0,
      totalCents: 1_000,
      shippingAddress: { name: "A", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
    },
  });
  return order.id;
}

/** A product A bought and received, so A may review it. */
async function productDeliveredToA(kit: Kit): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const category = await kit.db.productCategory.upsert({ where: { slug: "authz-test" }, update: {}, create: { slug: "authz-test", name: "Authorization test" } });
  const product = await kit.db.product.create({
    data: { slug: `authz-${suffix}`, name: `Product ${suffix}`, description: "Made by the authorization suite.", brand: "Testco", categoryId: category.id, priceCents: 1_000, onHand: 5 },
  });
  await kit.db.order.create({
    data: {
      userId: kit.a.id,
      email: "a@test.casebook.dev",
      status: "delivered",
      currency: "usd",
      subtotalCents: 1_000,
      shippingCents: 0,
      totalCents: 1_000,
      shippingAddress: { name: "A", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
      items: { create: [{ productId: product.id, productName: product.name, productSlug: product.slug, unitPriceCents: 1_000, quantity: 1 }] },
    },
  });
  return product.id;
}

async function reviewOfA(kit: Kit): Promise<string> {
  return (await kit.make<{ id: string }>("shop.reviews.create", { productId: await productDeliveredToA(kit), rating: 5, body: "Good." }, kit.a)).id;
}

/** An attachment in A's group with C, as its files route serves it. */
async function chatFileOfA(kit: Kit): Promise<RouteRequest> {
  const { uploadAttachment } = await import("@/server/chat/attachments/upload-attachment");
  const conversationId = await groupOfA(kit);
  const attachment = await uploadAttachment({ db: kit.db, storage: kit.storage, uploaderId: kit.a.id, conversationId, fileName: "note.txt", bytes: Buffer.from("a note") });
  return { path: attachment.url };
}

/** A private file of A's in storage. */
async function privateFileOfA(kit: Kit): Promise<RouteRequest> {
  const key = `private/${kit.a.id}/${randomUUID()}.txt`;
  await kit.storage.putObject(key, Buffer.from("private"), { contentType: "text/plain", ownerId: kit.a.id, visibility: "private" });
  return { path: `/api/media/${key}` };
}

/** A post of `author`'s, as feed.posts.create answers it. */
async function postBy(kit: Kit, author: Person): Promise<string> {
  return (await kit.make<{ id: string }>("feed.posts.create", { text: "From the authorization suite #authz" }, author)).id;
}

/** Acting on someone else's public post (C's) is what these are for; the caller's own like/repost/bookmark is the only row touched. */
const onPostOfC = (input: Record<string, unknown>): Rule<unknown> => ({ access: "user", request: async (kit) => ({ postId: await postBy(kit, kit.c), ...input }) });

/** A ready video of A's (a row: what the procedures read), private unless said otherwise. */
async function videoOfA(kit: Kit, visibility: "public" | "private" = "private"): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await kit.db.video.create({ data: { id, ownerId: kit.a.id, title: "Authorization suite", visibility, status: "ready", sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

/** A file of a private ready video of A's, stored where the ladder's files go. */
async function videoFileOfA(kit: Kit, file: string): Promise<RouteRequest> {
  const id = await videoOfA(kit);
  await kit.storage.putObject(`videos/${id}/hls/${file}`, Buffer.from("#EXTM3U\n"), { contentType: "application/vnd.apple.mpegurl", ownerId: kit.a.id });
  return { path: `/api/videos/${id}/hls/${file}` };
}

const TUS = { "tus-resumable": "1.0.0" };
const tusCreation = { ...TUS, "upload-length": "10", "upload-metadata": `filename ${btoa("a.mp4")},filetype ${btoa("video/mp4")},title ${btoa("Authorization suite")}` };

/** An upload A started (tus creation through the real route), nothing sent yet: its path. */
async function uploadOfA(kit: Kit): Promise<string> {
  const { POST } = await import("@/app/api/videos/uploads/route");
  const response = await POST(new Request("http://localhost/api/videos/uploads", { method: "POST", headers: { ...tusCreation, cookie: kit.a.cookie } }));
  const location = response.headers.get("location");
  if (response.status !== 201 || !location) throw new Error(`could not start an upload: ${response.status} ${await response.text()}`);
  return location;
}

const conversationRule = (input: (conversationId: string, kit: Kit) => Record<string, unknown>): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => {
    const conversationId = await groupOfA(kit);
    return { conversationId, ...input(conversationId, kit) };
  },
});

const ownMessageRule = (input: Record<string, unknown>): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ messageId: (await messageIn(kit, kit.a)).messageId, ...input }),
});

const linkRule = (input: Record<string, unknown>): Rule<unknown> => ({ access: "owner", request: async (kit) => ({ code: await linkOfA(kit), ...input }) });

// Rides: trips are rows made here; a person holds one open trip as rider and as driver, so each fixture first closes the others.

/** Closes A's and C's open trips (as riders and drivers) and A's pending offers, so a fixture's trip is their only one. */
async function freeA(kit: Kit): Promise<void> {
  const open = ["requested", "matching", "assigned", "arriving", "in_progress"] as const;
  await kit.db.trip.updateMany({ where: { OR: [{ riderId: { in: [kit.a.id, kit.c.id] } }, { driverId: { in: [kit.a.id, kit.c.id] } }], status: { in: [...open] } }, data: { status: "cancelled" } });
  await kit.db.tripOffer.updateMany({ where: { driverId: kit.a.id, status: "pending" }, data: { status: "expired" } });
}

async function registeredDriver(kit: Kit, who: Person): Promise<void> {
  await kit.db.driverProfile.upsert({ where: { userId: who.id }, update: {}, create: { userId: who.id, carMake: "Toyota", carModel: "Prius", carColor: "Silver", plate: "AUTHZ-1" } });
}

/** A trip row: rider and driver given, status given (a completed one owes its fare). */
async function tripRow(kit: Kit, trip: { riderId: string; driverId?: string; status: "matching" | "assigned" | "arriving" | "in_progress" | "completed" | "no_drivers" }): Promise<string> {
  await freeA(kit);
  if (trip.driverId) await registeredDriver(kit, trip.driverId === kit.a.id ? kit.a : kit.c);
  const row = await kit.db.trip.create({
    data: {
      ...trip,
      pickupLat: 10.0,
      pickupLng: 10.0,
      dropoffLat: 10.01,
      dropoffLng: 10.01,
      distanceMeters: 1_800,
      durationSeconds: 216,
      fareCents: 900,
      startCode: "4321",
      paymentStatus: trip.status === "completed" ? "due" : "none",
      assignedAt: trip.driverId ? new Date() : null,
    },
  });
  return row.id;
}

/** A pending offer to A (as driver) for a matching trip of C's. */
async function offerToA(kit: Kit): Promise<{ offerId: string }> {
  const tripId = await tripRow(kit, { riderId: kit.c.id, status: "matching" });
  await registeredDriver(kit, kit.a);
  const offer = await kit.db.tripOffer.create({ data: { tripId, driverId: kit.a.id, pickupMeters: 300, score: 0.3, expiresAt: new Date(Date.now() + 60_000) } });
  return { offerId: offer.id };
}

// Far from the demo city, where the simulator test drives.
const RIDE_PLACES = { pickup: { lat: 10.0, lng: 10.0, name: "A" }, dropoff: { lat: 10.01, lng: 10.01, name: "B" } };
const riderTripOfA = (status: "completed" | "no_drivers", input: Record<string, unknown> = {}): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ tripId: await tripRow(kit, { riderId: kit.a.id, driverId: status === "completed" ? kit.c.id : undefined, status }), ...input }),
});
const driverTripOfA = (status: "assigned" | "arriving" | "in_progress", input: Record<string, unknown> = {}): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ tripId: await tripRow(kit, { riderId: kit.c.id, driverId: kit.a.id, status }), ...input }),
});

const STAFF = { access: "admin" } as const;
const USER = { access: "user" } as const;

export const PROCEDURE_RULES: Record<string, Rule<unknown>> = {
  "system.homeStats": { access: "public", why: "site-wide counts, nobody's data" },

  "accounts.profile": USER,
  "accounts.updateProfile": USER,
  "accounts.usernameAvailable": { access: "user", request: () => ({ username: "someone" }) },
  "accounts.removeAvatar": USER,

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

  "links.create": { access: "user", request: () => ({ url: "https://example.com/authz" }) },
  "links.list": USER,
  "links.update": linkRule({ title: "Renamed" }),
  "links.setDisabled": linkRule({ disabled: true }),
  "links.delete": linkRule({}),
  "links.stats": linkRule({}),
  "links.apiKeys.create": { access: "user", request: () => ({ name: "authz" }) },
  "links.apiKeys.list": USER,
  "links.apiKeys.revoke": {
    access: "owner",
    request: async (kit) => ({ id: (await kit.make<{ id: string }>("links.apiKeys.create", { name: "A's key" }, kit.a)).id }),
  },

  // Another person's id is what these take: starting a chat with someone, finding people.
  "chat.startDirect": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "chat.createGroup": { access: "user", request: (kit) => ({ name: "Group", memberIds: [kit.c.id] }) },
  "chat.searchPeople": { access: "user", request: () => ({ query: "test" }) },
  "chat.list": USER,
  "chat.unreadCount": USER,
  "chat.heartbeat": { access: "user", request: () => ({}) },
  "chat.get": conversationRule(() => ({})),
  "chat.history": conversationRule(() => ({})),
  "chat.renameGroup": conversationRule(() => ({ name: "Renamed" })),
  "chat.addMembers": conversationRule((_, kit) => ({ userIds: [kit.admin.id] })),
  "chat.removeMember": conversationRule((_, kit) => ({ userId: kit.c.id })),
  "chat.leave": conversationRule(() => ({})),
  "chat.setMuted": conversationRule(() => ({ muted: true })),
  "chat.send": conversationRule(() => ({ clientId: randomUUID(), body: "Hi" })),
  "chat.markRead": { access: "owner", request: async (kit) => messageIn(kit, kit.c).then(({ conversationId, seq }) => ({ conversationId, seq })) },
  "chat.edit": ownMessageRule({ body: "Edited" }),
  "chat.delete": ownMessageRule({}),
  "chat.react": ownMessageRule({ emoji: "👍" }),
  "chat.markDelivered": {
    access: "own-data-only",
    setup: async (kit) => {
      const { conversationId, seq } = await messageIn(kit, kit.c);
      return { request: { items: [{ conversationId, seq }] }, untouched: (answer) => (answer.body as { receipts: unknown[] }).receipts.length === 0 };
    },
  },
  "chat.search": {
    access: "own-data-only",
    setup: async (kit) => {
      const word = `authz${randomUUID().replaceAll("-", "").slice(0, 10)}`;
      const { conversationId } = await messageIn(kit, kit.a, `Secret ${word}`);
      return { request: { query: word, conversationId }, untouched: (answer) => (answer.body as { results: unknown[] }).results.length === 0 };
    },
  },
  "chat.lastSeen": {
    access: "own-data-only",
    setup: async (kit) => {
      await groupOfA(kit);
      await kit.make("chat.heartbeat", {}, kit.c);
      const cStatus = (answer: Answer) => (answer.body as Array<{ userId: string; status: string }>).find((seen) => seen.userId === kit.c.id)?.status;
      return { request: { userIds: [kit.c.id] }, untouched: (answer) => cStatus(answer) === "offline" };
    },
  },

  "shop.catalog.home": { access: "public", why: "the catalog is open to everyone" },
  "shop.catalog.search": { access: "public", why: "the catalog is open to everyone" },
  "shop.catalog.product": { access: "public", why: "the catalog is open to everyone; hidden products answer NOT_FOUND" },
  "shop.reviews.list": { access: "public", why: "reviews are public" },
  "shop.reviews.summary": { access: "public", why: "ratings are public" },
  "shop.reviews.eligibility": { access: "public", why: "answers `sign_in` to a guest; reads only the caller's own orders" },
  "shop.reviews.create": { access: "user", request: async (kit) => ({ productId: await productDeliveredToA(kit), rating: 5, body: "Good." }) },
  "shop.reviews.update": { access: "owner", request: async (kit) => ({ reviewId: await reviewOfA(kit), rating: 4, body: "Edited." }) },
  "shop.reviews.delete": { access: "owner", request: async (kit) => ({ reviewId: await reviewOfA(kit) }) },
  "shop.cart.get": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.add": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.setQuantity": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.remove": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.checkout.start": { access: "public", why: "guests check out with an email; it orders the caller's own cart" },
  "shop.orders.list": USER,
  // A guest opens their order with the token from its link, so signed out is NOT_FOUND rather than 401.
  "shop.orders.get": { access: "owner", request: async (kit) => ({ orderId: await orderOfA(kit) }), signedOut: 404 },
  "shop.orders.cancel": { access: "owner", request: async (kit) => ({ orderId: await orderOfA(kit) }), signedOut: 404 },
  "shop.adminOrders.list": STAFF,
  "shop.adminOrders.advance": STAFF,
  "shop.adminProducts.list": STAFF,
  "shop.adminProducts.create": STAFF,
  "shop.adminProducts.update": STAFF,
  "shop.adminProducts.setStock": STAFF,

  "feed.timeline.home": USER,
  "feed.posts.create": { access: "user", request: () => ({ text: "Hello from the authorization suite" }) },
  "feed.posts.delete": { access: "owner", request: async (kit) => ({ postId: await postBy(kit, kit.a) }) },
  "feed.posts.thread": { access: "public", why: "posts are public, like a profile; the viewer's own likes are the only personal part" },
  "feed.posts.byAuthor": { access: "public", why: "a profile's posts and replies are public" },
  "feed.posts.byTag": { access: "public", why: "hashtag pages list public posts" },
  "feed.engagement.like": onPostOfC({ liked: true }),
  "feed.engagement.repost": onPostOfC({ reposted: true }),
  "feed.engagement.bookmark": onPostOfC({ bookmarked: true }),
  "feed.people.profile": { access: "public", why: "profiles and their counts are public" },
  // Following someone is an act on one's own graph; the other person's id is the input.
  "feed.people.follow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "feed.people.unfollow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },

  "videos.list": { access: "public", why: "public, ready videos only" },
  // A private video is NOT_FOUND to everyone but its owner, signed out included.
  "videos.get": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit) }), signedOut: 404 },
  "videos.mine": USER,
  "videos.delete": { access: "owner", request: async (kit) => ({ id: await videoOfA(kit, "public") }) },

  "rides.rider.estimate": { access: "user", request: () => RIDE_PLACES },
  "rides.rider.request": { access: "user", request: async (kit) => (await freeA(kit), RIDE_PLACES) },
  "rides.rider.current": USER,
  "rides.rider.history": { access: "user", request: () => ({}) },
  "rides.rider.cancel": riderTripOfA("no_drivers", { reason: "Changed my plans" }),
  "rides.rider.retry": riderTripOfA("no_drivers"),
  "rides.rider.pay": riderTripOfA("completed"),
  "rides.rider.rate": riderTripOfA("completed", { stars: 5 }),
  "rides.trip": riderTripOfA("completed"),
  "rides.driver.dashboard": USER,
  "rides.driver.register": { access: "user", request: () => ({ carMake: "Kia", carModel: "Niro", carColor: "Blue", plate: "AUTHZ-2" }) },
  // Going online needs a driver's profile (FORBIDDEN otherwise, which is about the account, not who asks): A gets one first.
  "rides.driver.goOnline": { access: "user", request: async (kit) => void (await registeredDriver(kit, kit.a)) },
  "rides.driver.goOffline": USER,
  "rides.driver.accept": { access: "owner", request: offerToA },
  "rides.driver.decline": { access: "owner", request: offerToA },
  "rides.driver.navigate": driverTripOfA("assigned"),
  "rides.driver.start": driverTripOfA("arriving", { code: "4321" }),
  "rides.driver.complete": driverTripOfA("in_progress"),
};

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } });

const chatMessagesRoute = (body?: () => ReturnType<typeof json>): Rule<RouteRequest> => ({
  access: "owner",
  request: async (kit) => ({ path: `/api/chat/conversations/${await groupOfA(kit)}/messages`, ...body?.() }),
});

const linkRoute = (pathOf: (code: string) => string): Rule<RouteRequest> => ({ access: "owner", request: async (kit) => ({ path: pathOf(await linkOfA(kit)) }) });

export const ROUTE_RULES: Record<string, Rule<RouteRequest>> = {
  "GET /api/trpc/[trpc]": { access: "public", why: "the tRPC endpoint: each procedure has its own rule above" },
  "POST /api/trpc/[trpc]": { access: "public", why: "the tRPC endpoint: each procedure has its own rule above" },
  "GET /api/auth/[...all]": { access: "public", why: "better-auth: sign-up, sign-in, session; it checks its own sessions" },
  "POST /api/auth/[...all]": { access: "public", why: "better-auth: sign-up, sign-in, session; it checks its own sessions" },
  "GET /api/health": { access: "public", why: "the load balancer's probe; reports only up/down per part" },
  "GET /api/realtime/config": { access: "public", why: "the browser's pusher-js settings: the public key and host" },
  "POST /api/shorten": { access: "public", why: "anonymous short links are allowed; a key or session makes the caller the owner" },
  "POST /api/webhooks/stripe": { access: "public", why: "Stripe's (or the simulator's) events, verified by signature, not session" },
  "POST /api/payments/simulator/sessions/[sessionId]/pay": {
    access: "public",
    why: "the checkout simulator's Pay button: like Stripe's checkout URL, the unguessable session id is the capability",
  },

  // Picture uploads accept image bodies only (415 otherwise, before the session is read).
  "POST /api/accounts/avatar": { access: "user", request: () => ({ path: "/api/accounts/avatar", headers: { "content-type": "image/png" } }) },
  "POST /api/shop/product-images": { access: "admin", request: () => ({ path: "/api/shop/product-images", headers: { "content-type": "image/png" } }) },

  "GET /api/stats/[code]": linkRoute((code) => `/api/stats/${code}`),
  "DELETE /api/urls/[code]": linkRoute((code) => `/api/urls/${code}`),
  "GET /api/links/[code]/clicks.csv": linkRoute((code) => `/api/links/${code}/clicks.csv`),

  "GET /api/chat/conversations/[conversationId]/messages": chatMessagesRoute(),
  "POST /api/chat/conversations/[conversationId]/messages": chatMessagesRoute(() => json({ clientId: randomUUID(), body: "Hi" })),
  "POST /api/chat/attachments": {
    access: "owner",
    request: async (kit) => ({ path: `/api/chat/attachments?conversationId=${await groupOfA(kit)}&name=note.txt`, body: "a note", headers: { "content-type": "text/plain" } }),
  },
  "GET /api/chat/files/[...key]": { access: "owner", request: chatFileOfA },
  "HEAD /api/chat/files/[...key]": { access: "owner", request: chatFileOfA },
  "GET /api/media/[...key]": { access: "owner", request: privateFileOfA },
  "HEAD /api/media/[...key]": { access: "owner", request: privateFileOfA },
  // Video: tus uploads are their uploader's; a private video's files are NOT_FOUND to everyone else.
  "POST /api/videos/uploads": { access: "user", request: () => ({ path: "/api/videos/uploads", headers: tusCreation }) },
  "HEAD /api/videos/uploads/[uploadId]": { access: "owner", request: async (kit) => ({ path: await uploadOfA(kit), headers: TUS }) },
  "PATCH /api/videos/uploads/[uploadId]": {
    access: "owner",
    request: async (kit) => ({ path: await uploadOfA(kit), body: "0123456789", headers: { ...TUS, "upload-offset": "0", "content-type": "application/offset+octet-stream" } }),
  },
  "DELETE /api/videos/uploads/[uploadId]": { access: "owner", request: async (kit) => ({ path: await uploadOfA(kit), headers: TUS }) },
  "GET /api/videos/[videoId]/hls/[file]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "master.m3u8") },
  "HEAD /api/videos/[videoId]/hls/[file]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "master.m3u8") },
  "GET /api/videos/[videoId]/hls/[file]/[segment]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "240p/index.m3u8") },
  "HEAD /api/videos/[videoId]/hls/[file]/[segment]": { access: "owner", signedOut: 404, request: (kit) => videoFileOfA(kit, "240p/index.m3u8") },
  // Rides: a driver's location; someone not online as a driver gets 409, never another driver's place.
  "POST /api/rides/location": { access: "user", request: () => ({ path: "/api/rides/location", ...json({ lat: 52.52, lng: 13.405, accuracy: 10 }) }) },
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

