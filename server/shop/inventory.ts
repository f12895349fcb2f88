import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { variantLabelOf } from "./variants/variant-rules";

/**
 * Stock for the shop. available = onHand − reserved, and both columns change
 * only here (and in the admin's stock counts), through conditional UPDATEs:
 * two buyers can never both take the last unit, and the tables' CHECK
 * (reserved >= 0 AND onHand >= reserved) backs that up.
 *
 * A product with variants holds its stock per variant; the product's own
 * columns are then the variants' sums, moved in the same statements, so the
 * catalog's "in stock" filter and badges read one row as before. The
 * variant's conditional UPDATE is what keeps a size from being oversold.
 *
 * A StockReservation row per (order, product, variant) carries the step's state:
 *   reserve:  (none)    → active     reserved += q           (with the order rows, one transaction)
 *   commit:   active    → committed  onHand −= q, reserved −= q   (payment arrived)
 *   release:  active    → released   reserved −= q           (session expired, cancelled)
 *   restock:  committed → released   onHand += q             (refund after payment)
 * Each step moves reservations from one status to the next in the same
 * statement that changes the stock, so running a step twice (a replayed
 * webhook, a sweeper racing a cancel) finds nothing left to move and changes
 * nothing.
 *
 * Lock order is product row, then its variant rows, everywhere: reserveStock
 * updates them in that order, the variant editor locks the product first, and
 * in commit/release/restock the main UPDATE (products) runs before the
 * unreferenced `variants` CTE, which Postgres finishes after the main query.
 */

/**
 * Options for the shop's interactive transactions: a checkout rush queues many
 * of them behind the pool, and Prisma's 2 s default wait would turn that queue
 * into errors rather than a short delay.
 */
export const SHOP_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

/** `variantId` null: a product without variants. */
export type StockLine = { productId: string; variantId: string | null; quantity: number };
type Tx = Prisma.TransactionClient;

/**
 * Holds `lines` for `orderId` until `expiresAt`. Call it inside the
 * transaction that writes the order: a line that cannot be held throws a
 * CONFLICT naming the product (and variant), and the whole order rolls back with it.
 */
export async function reserveStock(tx: Tx, { orderId, lines, expiresAt }: { orderId: string; lines: StockLine[]; expiresAt: Date }): Promise<void> {
  // One lock order for every checkout (each product's row, then its variants' rows, by id), so two carts sharing products cannot deadlock.
  for (const [productId, productLines] of groupByProduct(lines)) {
    const fresh: StockLine[] = [];
    for (const line of productLines) {
      const inserted = await tx.stockReservation.createMany({ data: [{ orderId, productId, variantId: line.variantId, quantity: line.quantity, expiresAt }], skipDuplicates: true });
      if (inserted.count > 0) fresh.push(line);
    }
    if (fresh.length === 0) continue;
    const total = fresh.reduce((sum, line) => sum + line.quantity, 0);
    const updated = await tx.$executeRaw`
      UPDATE "shop_product"
         SET "reserved" = "reserved" + ${total}
       WHERE "id" = ${productId} AND "active" AND "onHand" - "reserved" >= ${total}`;
    if (updated === 0) throw await productConflict(tx, productId, total);
    for (const line of fresh) {
      if (line.variantId === null) continue;
      const held = await tx.$executeRaw`
        UPDATE "shop_product_variant"
           SET "reserved" = "reserved" + ${line.quantity}
         WHERE "id" = ${line.variantId} AND "productId" = ${productId} AND "onHand" - "reserved" >= ${line.quantity}`;
      if (held === 0) throw await variantConflict(tx, line.variantId, line.quantity);
    }
  }
}

/** Payment arrived: the held units leave onHand for good. Returns how many products moved (0 when already done). */
export function commitStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'committed'
       WHERE "orderId" = ${orderId} AND "status" = 'active'
      RETURNING "productId", "variantId", "quantity"
    ), variants AS (
      UPDATE "shop_product_variant" v
         SET "onHand" = v."onHand" - m.quantity, "reserved" = v."reserved" - m.quantity
        FROM (SELECT "variantId", sum("quantity")::int AS quantity FROM moved WHERE "variantId" IS NOT NULL GROUP BY 1) m
       WHERE v."id" = m."variantId"
    )
    UPDATE "shop_product" p
       SET "onHand" = p."onHand" - m.quantity, "reserved" = p."reserved" - m.quantity
      FROM (SELECT "productId", sum("quantity")::int AS quantity FROM moved GROUP BY 1) m
     WHERE p."id" = m."productId"`;
}

/** The order will not be paid: held units become available again. Returns how many products moved. */
export function releaseStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'released'
       WHERE "orderId" = ${orderId} AND "status" = 'active'
      RETURNING "productId", "variantId", "quantity"
    ), variants AS (
      UPDATE "shop_product_variant" v
         SET "reserved" = v."reserved" - m.quantity
        FROM (SELECT "variantId", sum("quantity")::int AS quantity FROM moved WHERE "variantId" IS NOT NULL GROUP BY 1) m
       WHERE v."id" = m."variantId"
    )
    UPDATE "shop_product" p
       SET "reserved" = p."reserved" - m.quantity
      FROM (SELECT "productId", sum("quantity")::int AS quantity FROM moved GROUP BY 1) m
     WHERE p."id" = m."productId"`;
}

/** A paid order was refunded: its units go back on the shelf. Returns how many products moved. */
export function restockStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'released'
       WHERE "orderId" = ${orderId} AND "status" = 'committed'
      RETURNING "productId", "variantId", "quantity"
    ), variants AS (
      UPDATE "shop_product_variant" v
         SET "onHand" = v."onHand" + m.quantity
        FROM (SELECT "variantId", sum("quantity")::int AS quantity FROM moved WHERE "variantId" IS NOT NULL GROUP BY 1) m
       WHERE v."id" = m."variantId"
    )
    UPDATE "shop_product" p
       SET "onHand" = p."onHand" + m.quantity
      FROM (SELECT "productId", sum("quantity")::int AS quantity FROM moved GROUP BY 1) m
     WHERE p."id" = m."productId"`;
}

/** Lines grouped per product, products and each product's variants in id order. */
function groupByProduct(lines: StockLine[]): Array<[string, StockLine[]]> {
  const groups = new Map<string, StockLine[]>();
  for (const line of lines) groups.set(line.productId, [...(groups.get(line.productId) ?? []), line]);
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.entries()]
    .sort(([a], [b]) => byId(a, b))
    .map(([productId, group]) => [productId, group.sort((a, b) => byId(a.variantId ?? "", b.variantId ?? ""))]);
}

async function productConflict(tx: Tx, productId: string, wanted: number): Promise<AppError> {
  const product = await tx.product.findUnique({ where: { id: productId }, select: { name: true, onHand: true, reserved: true, active: true } });
  if (!product || !product.active) {
    return new AppError("CONFLICT", `${product?.name ?? "A product in your cart"} is no longer available.`, { productId });
  }
  return shortage(product.name, Math.max(0, product.onHand - product.reserved), wanted, { productId });
}

async function variantConflict(tx: Tx, variantId: string, wanted: number): Promise<AppError> {
  const variant = await tx.productVariant.findUnique({
    where: { id: variantId },
    select: { productId: true, optionValues: true, onHand: true, reserved: true, product: { select: { name: true } } },
  });
  if (!variant) return new AppError("CONFLICT", "A size or colour in your cart is no longer sold.", { variantId });
  const name = `${variant.product.name} (${variantLabelOf(variant.optionValues)})`;
  return shortage(name, Math.max(0, variant.onHand - variant.reserved), wanted, { productId: variant.productId, variantId });
}

function shortage(name: string, available: number, wanted: number, ids: Record<string, string>): AppError {
  if (available === 0) return new AppError("CONFLICT", `${name} is sold out.`, { ...ids, available });
  return new AppError("CONFLICT", `Only ${available} of ${name} left (you asked for ${wanted}).`, { ...ids, available });
}
