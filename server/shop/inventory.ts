import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";

/**
 * Stock for the shop. available = onHand − reserved, and both columns change
 * only here, through conditional UPDATEs: two buyers can never both take the
 * last unit, and the table's CHECK (reserved >= 0 AND onHand >= reserved)
 * backs that up.
 *
 * A StockReservation row per (order, product) carries the step's state:
 *   reserve:  (none)    → active     reserved += q           (with the order rows, one transaction)
 *   commit:   active    → committed  onHand −= q, reserved −= q   (payment arrived)
 *   release:  active    → released   reserved −= q           (session expired, cancelled)
 *   restock:  committed → released   onHand += q             (refund after payment)
 * Each step moves reservations from one status to the next in the same
 * statement that changes the product, so running a step twice (a replayed
 * webhook, a sweeper racing a cancel) finds nothing left to move and changes
 * nothing.
 */

/**
 * Options for the shop's interactive transactions: a checkout rush queues many
 * of them behind the pool, and Prisma's 2 s default wait would turn that queue
 * into errors rather than a short delay.
 */
export const SHOP_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

export type StockLine = { productId: string; quantity: number };
type Tx = Prisma.TransactionClient;

/**
 * Holds `lines` for `orderId` until `expiresAt`. Call it inside the
 * transaction that writes the order: a line that cannot be held throws a
 * CONFLICT naming the product, and the whole order rolls back with it.
 */
export async function reserveStock(tx: Tx, { orderId, lines, expiresAt }: { orderId: string; lines: StockLine[]; expiresAt: Date }): Promise<void> {
  // One lock order for every checkout, so two carts sharing products cannot deadlock.
  const sorted = [...lines].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  for (const { productId, quantity } of sorted) {
    const inserted = await tx.stockReservation.createMany({ data: [{ orderId, productId, quantity, expiresAt }], skipDuplicates: true });
    if (inserted.count === 0) continue;
    const updated = await tx.$executeRaw`
      UPDATE "shop_product"
         SET "reserved" = "reserved" + ${quantity}
       WHERE "id" = ${productId} AND "active" AND "onHand" - "reserved" >= ${quantity}`;
    if (updated === 0) throw await stockConflict(tx, productId, quantity);
  }
}

/** Payment arrived: the held units leave onHand for good. Returns how many lines moved (0 when already done). */
export function commitStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'committed'
       WHERE "orderId" = ${orderId} AND "status" = 'active'
      RETURNING "productId", "quantity"
    )
    UPDATE "shop_product" p
       SET "onHand" = p."onHand" - moved."quantity", "reserved" = p."reserved" - moved."quantity"
      FROM moved
     WHERE p."id" = moved."productId"`;
}

/** The order will not be paid: held units become available again. Returns how many lines moved. */
export function releaseStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'released'
       WHERE "orderId" = ${orderId} AND "status" = 'active'
      RETURNING "productId", "quantity"
    )
    UPDATE "shop_product" p
       SET "reserved" = p."reserved" - moved."quantity"
      FROM moved
     WHERE p."id" = moved."productId"`;
}

/** A paid order was refunded: its units go back on the shelf. Returns how many lines moved. */
export function restockStock(db: Db | Tx, orderId: string): Promise<number> {
  return db.$executeRaw`
    WITH moved AS (
      UPDATE "shop_stock_reservation" SET "status" = 'released'
       WHERE "orderId" = ${orderId} AND "status" = 'committed'
      RETURNING "productId", "quantity"
    )
    UPDATE "shop_product" p
       SET "onHand" = p."onHand" + moved."quantity"
      FROM moved
     WHERE p."id" = moved."productId"`;
}

async function stockConflict(tx: Tx, productId: string, wanted: number): Promise<AppError> {
  const product = await tx.product.findUnique({ where: { id: productId }, select: { name: true, onHand: true, reserved: true, active: true } });
  if (!product || !product.active) {
    return new AppError("CONFLICT", `${product?.name ?? "A product in your cart"} is no longer available.`, { productId });
  }
  const available = Math.max(0, product.onHand - product.reserved);
  if (available === 0) return new AppError("CONFLICT", `${product.name} is sold out.`, { productId, available });
  return new AppError("CONFLICT", `Only ${available} of ${product.name} left (you asked for ${wanted}).`, { productId, available });
}
