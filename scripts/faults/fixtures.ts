import { createHmac, randomBytes, randomUUID } from "node:crypto";
import PusherClient from "pusher-js";
import { reconnectPromptly } from "../../components/realtime/reconnect-promptly";
import type { PrismaClient } from "../../server/generated/prisma/client";

export type People = { senderCookie: string; readerCookie: string; conversationId: string; senderId: string };

/** Two people with signed session cookies and a direct conversation between them, straight into Postgres. */
export async function seedPeople(db: PrismaClient, authSecret: string): Promise<People> {
  const run = randomUUID().slice(0, 8);
  const ids = [`faults-${run}-a`, `faults-${run}-b`];
  const tokens = ids.map(() => randomBytes(24).toString("base64url"));
  await db.user.createMany({
    data: ids.map((id, index) => ({ id, name: `Fault ${index}`, email: `${id}@faults.casebook.dev`, username: `f_${run}_${index}`, displayUsername: `f_${run}_${index}` })),
  });
  const expiresAt = new Date(Date.now() + 3600_000);
  await db.session.createMany({ data: ids.map((userId, index) => ({ id: randomUUID(), token: tokens[index] ?? "", userId, expiresAt })) });
  const conversationId = `faults-${run}-dm`;
  await db.conversation.create({ data: { id: conversationId, kind: "dm", dmKey: [...ids].sort().join(":"), createdById: ids[0] ?? "" } });
  await db.conversationMember.createMany({ data: ids.map((userId) => ({ conversationId, userId, role: "member" as const })) });
  const cookies = tokens.map((token) => {
    const signature = createHmac("sha256", authSecret).update(token).digest("base64");
    return `better-auth.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
  });
  return { senderCookie: cookies[0] ?? "", readerCookie: cookies[1] ?? "", conversationId, senderId: ids[0] ?? "" };
}

/** A short link owned by the sender, created through tRPC as the Links page does. */
export async function createLink(webUrl: string, cookie: string): Promise<string> {
  const answer = await trpcMutation(webUrl, "links.create", { url: "https://example.com/fault-suite" }, cookie);
  return (answer.data as { code: string }).code;
}

/**
 * The reader's pusher-js client (the official Node build: the browser's
 * connection strategy) subscribed to the conversation through the app's own
 * channel authorization, reconnecting as the browser's does
 * (components/realtime/reconnect-promptly.ts). Like the Chat page, each time it
 * is subscribed again it catches up on what it missed from the history route.
 * It records every (re)subscription and every message it has shown, live or caught up.
 */
export async function connectReader(options: { webUrl: string; gatewayPort: number; cookie: string; conversationId: string; appKey: string }) {
  const received = new Set<number>();
  const caughtUp = new Set<number>();
  const subscribedAt: number[] = [];
  const client = new PusherClient(options.appKey, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: options.gatewayPort,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: `${options.webUrl}/api/realtime/auth`,
      transport: "ajax",
      customHandler: ({ socketId, channelName }, callback) => {
        fetch(`${options.webUrl}/api/realtime/auth`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: options.cookie },
          body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
        })
          .then(async (response) => {
            if (!response.ok) throw new Error(`auth answered ${response.status}`);
            callback(null, (await response.json()) as { auth: string });
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null));
      },
    },
  });
  const channel = client.subscribe(`private-chat-${options.conversationId}`);
  channel.bind("message", (data: { seq?: number }) => {
    if (typeof data.seq === "number") received.add(data.seq);
  });
  reconnectPromptly(client);
  const catchUp = async () => {
    // From the last message without a hole before it, as the Chat page does (the conversation starts empty).
    let after = 0;
    while (received.has(after + 1)) after += 1;
    for (;;) {
      const response = await fetch(`${options.webUrl}/api/chat/conversations/${options.conversationId}/messages?after=${after}&limit=50`, { headers: { cookie: options.cookie } });
      if (!response.ok) throw new Error(`history answered ${response.status}`);
      const page = (await response.json()) as { messages: Array<{ seq: number }>; hasNewer: boolean };
      for (const { seq } of page.messages) {
        if (received.has(seq)) continue;
        received.add(seq);
        caughtUp.add(seq);
      }
      const last = page.messages.at(-1)?.seq;
      if (!page.hasNewer || last === undefined) return;
      after = last;
    }
  };
  channel.bind("pusher:subscription_succeeded", () => {
    subscribedAt.push(Date.now());
    if (subscribedAt.length > 1) catchUp().catch((error: unknown) => console.log(`  the reader could not catch up: ${String(error)}`));
  });
  const deadline = Date.now() + 20_000;
  while (subscribedAt.length === 0) {
    if (Date.now() > deadline) throw new Error("the reader's realtime client did not subscribe within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { received, caughtUp, subscribedAt, disconnect: () => client.disconnect() };
}

const ADDRESS = { name: "Fault Buyer", line1: "1 Crash Street", city: "Testville", postalCode: "10001", country: "US" };
const VISA = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

/** A guest buys one unit of a demo product on the checkout simulator; the worker then delivers the signed webhook. */
export async function payAsGuest(webUrl: string, db: PrismaClient): Promise<string> {
  // A product without variants: it goes into the cart as it is, with no size to choose.
  const product = await db.product.findFirstOrThrow({ where: { onHand: { gt: 5 }, variants: { none: {} } }, select: { id: true } });
  const added = await trpcMutation(webUrl, "shop.cart.add", { productId: product.id, quantity: 1 }, null);
  const checkout = await trpcMutation(webUrl, "shop.checkout.start", { email: "guest@faults.casebook.dev", shippingAddress: ADDRESS }, added.cookie);
  const sessionId = new URL((checkout.data as { url: string }).url).pathname.split("/").pop() ?? "";
  const paid = await fetch(`${webUrl}/api/payments/simulator/sessions/${sessionId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(VISA),
  });
  const result = (await paid.json()) as { outcome?: string };
  if (result.outcome !== "succeeded") throw new Error(`the simulator refused the payment: ${paid.status} ${JSON.stringify(result)}`);
  const order = await db.order.findFirstOrThrow({ where: { checkoutSessionId: sessionId }, select: { id: true } });
  return order.id;
}

async function trpcMutation(webUrl: string, path: string, input: unknown, cookie: string | null): Promise<{ data: unknown; cookie: string | null }> {
  const response = await fetch(`${webUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string } } };
  if (!response.ok || body.error) throw new Error(`${path} answered ${response.status}: ${body.error?.json?.message ?? ""}`);
  const setCookie = response.headers.get("set-cookie");
  return { data: body.result?.data?.json, cookie: setCookie ? (setCookie.split(";")[0] ?? null) : cookie };
}
