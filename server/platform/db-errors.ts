import { Prisma } from "@/server/generated/prisma/client";

/** A unique-constraint violation, from the query builder (P2002) or from raw SQL (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const meta = error.meta as { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } | undefined;
  return (
    meta?.code === "23505" ||
    meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
