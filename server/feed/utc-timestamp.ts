/**
 * A Date as the UTC wall-clock text that `timestamp(3)` columns hold (Prisma
 * stores UTC without a zone), for raw SQL comparisons that must not depend
 * on the database session's time zone.
 */
export function utcTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}
