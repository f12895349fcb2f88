/**
 * Options for Rides' interactive transactions. A rush of requests (bench:rides
 * fires 1,000 at once) queues many of them behind the 20-connection pool, and
 * Prisma's 2 s default wait turned that queue into errors ("Unable to start a
 * transaction in the given time": 17 of 200 requests failed) rather than a
 * short delay. Same reasoning and values as the shop's SHOP_TRANSACTION.
 */
export const RIDES_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;
