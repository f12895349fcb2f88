import type { Db } from "@/server/platform/db";
import { storedShippingAddress, type ShippingAddress } from "./shipping-address";

/** How many recent orders are looked through for an address (older rows may predate today's address rules). */
const RECENT_ORDERS = 5;

/**
 * The address a signed-in buyer's checkout starts from: the one on their most
 * recent order that has a valid address. Orders are the address book; there is
 * nothing else to keep in step.
 */
export async function getSavedAddress({ db, userId }: { db: Db; userId: string }): Promise<ShippingAddress | null> {
  const orders = await db.order.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_ORDERS,
    select: { shippingAddress: true },
  });
  for (const order of orders) {
    const address = storedShippingAddress(order.shippingAddress);
    if (address) return address;
  }
  return null;
}
