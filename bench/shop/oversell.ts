import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { postSignedEvent } from "../../server/platform/payments/simulator/deliver-simulator-event";
import { checkoutCompletedEvent } from "../../server/platform/payments/simulator/stripe-objects";

/**
 * bench:shop's correctness half: `buyers` guests race for a product with
 * `stock` units through the real HTTP paths — tRPC shop.cart.add, then
 * shop.checkout.start, then the simulator's pay endpoint with 4242… — and the
 * worker delivers the signed webhooks. Exactly `stock` orders may be paid, the
 * rest must hear "sold out", and stock must end at 0. Then every completed
 * event is delivered again three times (same event, freshly signed, as Stripe
 * retries) and nothing may change.
 */
export type OversellFigures = {
  stock: number;
  buyers: number;
  checkoutsStarted: number;
  soldOut: number;
  otherFailures: number;
  paidOrders: number;
  oversold: number;
  finalOnHand: number;
  finalReserved: number;
  webhookReplays: number;
  webhookDoubleApplied: number;
  seconds: number;
};

type TrpcAnswer = { ok: true; data: unknown; cookie: string | null } | { ok: false; code: string; message: string };

const ADDRESS = { name: "Bench Buyer", line1: "1 Load Street", city: "Testville", postalCode: "10001", country: "US" };
const VISA = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" };

async function trpcMutation(webUrl: string, path: string, input: unknown, cookie: string | null): Promise<TrpcAnswer> {
  const response = await fetch(`${webUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { message?: string; data?: { appCode?: string } } } };
  if (body.error) return { ok: false, code: body.error.json?.data?.appCode ?? String(response.status), message: body.error.json?.message ?? "" };
  const setCookie = response.headers.get("set-cookie");
  return { ok: true, data: body.result?.data?.json, cookie: setCookie ? setCookie.split(";")[0] ?? null : null };
}

function isSoldOut(answer: { code: string; message: string }): boolean {
  return answer.code === "CONFLICT" && /sold out|left/i.test(answer.message);
}

type BuyerOutcome = "paid" | "sold_out" | { failed: string };

async function buy(webUrl: string, productId: string, buyer: number): Promise<BuyerOutcome> {
  // A buyer may hear "sold out" when adding to the cart (nothing left to add) or at checkout (nothing left to reserve).
  const added = await trpcMutation(webUrl, "shop.cart.add", { productId, quantity: 1 }, null);
  if (!added.ok) return isSoldOut(added) ? "sold_out" : { failed: `cart.add: ${added.code} ${added.message}` };
  const checkout = await trpcMutation(webUrl, "shop.checkout.start", { email: `buyer-${buyer}@bench.casebook.dev`, shippingAddress: ADDRESS }, added.cookie);
  if (!checkout.ok) return isSoldOut(checkout) ? "sold_out" : { failed: `checkout.start: ${checkout.code} ${checkout.message}` };
  const { url } = checkout.data as { url: string };
  const sessionId = new URL(url).pathname.split("/").pop() ?? "";
  const paid = await fetch(`${webUrl}/api/payments/simulator/sessions/${sessionId}/pay`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(VISA),
  });
  const result = (await paid.json()) as { outcome?: string };
  return result.outcome === "succeeded" ? "paid" : { failed: `pay: ${paid.status} ${JSON.stringify(result)}` };
}

async function paidOrderIds(db: PrismaClient, productId: string): Promise<string[]> {
  const orders = await db.order.findMany({ where: { items: { some: { productId } }, status: "paid" }, select: { id: true } });
  return orders.map((order) => order.id);
}

async function waitForPaid(db: PrismaClient, productId: string, expected: number, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const paid = await paidOrderIds(db, productId);
    if (paid.length >= expected || Date.now() > deadline) return paid;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One snapshot of everything a re-applied event would change. */
async function ledger(db: PrismaClient, productId: string, orderIds: string[]) {
  const [product, paidEvents, committed] = await Promise.all([
    db.product.findUniqueOrThrow({ where: { id: productId }, select: { onHand: true, reserved: true } }),
    db.orderEvent.count({ where: { orderId: { in: orderIds }, status: "paid" } }),
    db.stockReservation.count({ where: { orderId: { in: orderIds }, status: "committed" } }),
  ]);
  return { ...product, paidEvents, committed };
}

export async function runOversell({
  webUrl,
  webhookSecret,
  db,
  buyers,
  stock,
  log,
}: {
  webUrl: string;
  /** The stack's STRIPE_WEBHOOK_SECRET, which the replays sign with. */
  webhookSecret: string;
  db: PrismaClient;
  buyers: number;
  stock: number;
  log: (line: string) => void;
}): Promise<OversellFigures> {
  const started = Date.now();
  const runId = randomUUID().slice(0, 8);
  const category = await db.productCategory.create({ data: { slug: `bench-oversell-${runId}`, name: `Bench oversell ${runId}` } });
  const product = await db.product.create({
    data: {
      slug: `bench-oversell-${runId}`,
      name: `Limited bench edition ${runId}`,
      description: "The product every bench buyer wants.",
      brand: "Bench",
      categoryId: category.id,
      priceCents: 2_500,
      onHand: stock,
    },
  });

  try {
    return await raceForStock({ webUrl, webhookSecret, db, buyers, stock, productId: product.id, log, started });
  } finally {
    // The bench's namespace goes again (it matters with BASE_URL, where the database is the app's own).
    const orders = await db.order.findMany({ where: { items: { some: { productId: product.id } } }, select: { checkoutSessionId: true } });
    await db.simulatedCheckoutSession.deleteMany({ where: { id: { in: orders.flatMap((order) => (order.checkoutSessionId ? [order.checkoutSessionId] : [])) } } });
    await db.order.deleteMany({ where: { items: { some: { productId: product.id } } } });
    await db.product.delete({ where: { id: product.id } });
    await db.productCategory.delete({ where: { id: category.id } });
  }
}

async function raceForStock({
  webUrl,
  webhookSecret,
  db,
  buyers,
  stock,
  productId,
  log,
  started,
}: {
  webUrl: string;
  webhookSecret: string;
  db: PrismaClient;
  buyers: number;
  stock: number;
  productId: string;
  log: (line: string) => void;
  started: number;
}): Promise<OversellFigures> {
  log(`Oversell: ${buyers} guests buy 1 of ${stock} units at once (cart → checkout → simulator payment)...`);
  const outcomes = await Promise.all(Array.from({ length: buyers }, (_, buyer) => buy(webUrl, productId, buyer)));
  const payments = outcomes.filter((outcome) => outcome === "paid").length;
  const soldOut = outcomes.filter((outcome) => outcome === "sold_out").length;
  const failures = outcomes.filter((outcome): outcome is { failed: string } => typeof outcome === "object");
  for (const failure of failures.slice(0, 5)) log(`  unexpected failure: ${failure.failed}`);

  log(`Waiting for the worker to deliver ${payments} checkout.session.completed webhooks...`);
  const paid = await waitForPaid(db, productId, payments, 60_000);
  const before = await ledger(db, productId, paid);

  const orders = await db.order.findMany({ where: { id: { in: paid } }, select: { checkoutSessionId: true } });
  const ours = await db.simulatedCheckoutSession.findMany({
    where: { id: { in: orders.flatMap((order) => (order.checkoutSessionId ? [order.checkoutSessionId] : [])) } },
  });
  log(`Replaying each of the ${ours.length} completed events 3 more times...`);
  for (let round = 0; round < 3; round++) {
    await Promise.all(ours.map((session) => postSignedEvent(checkoutCompletedEvent(session), { url: `${webUrl}/api/webhooks/stripe`, secret: webhookSecret })));
  }
  const after = await ledger(db, productId, paid);
  const changed = (["onHand", "reserved", "paidEvents", "committed"] as const).filter((field) => after[field] !== before[field]).length;

  return {
    stock,
    buyers,
    checkoutsStarted: payments,
    soldOut,
    otherFailures: failures.length,
    paidOrders: (await paidOrderIds(db, productId)).length,
    oversold: Math.max(0, -after.onHand, paid.length - stock),
    finalOnHand: after.onHand,
    finalReserved: after.reserved,
    webhookReplays: ours.length * 3,
    webhookDoubleApplied: changed + Math.max(0, after.paidEvents - paid.length),
    seconds: (Date.now() - started) / 1000,
  };
}
