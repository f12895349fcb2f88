import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/server/env";
import type { Db } from "@/server/platform/db";
import { PrismaClient } from "@/server/generated/prisma/client";

/** Start a raw statement with this comment to have it prepared once per connection and its plan reused. */
export const PREPARED = "/* prepared */";

/**
 * A second, small Prisma client for Chat's per-message statement, whose
 * statements marked PREPARED are named prepared statements: Postgres parses
 * and plans them once per connection instead of on every message. Measured on
 * the send statement (one CTE: bump the seq, check membership and clientId,
 * insert, read the sender, decide the DM notification), planning was ~0.5–0.8 ms
 * of Postgres CPU per message of ~1.2–1.6 ms; named, the whole send costs
 * 0.85 ms. Only marked statements are named, so the other queries keep
 * per-execution plans (and no connection accumulates statements).
 */
export function preparedDb(): Db {
  holder.casebookChatPreparedDb ??= new PrismaClient({
    adapter: new PrismaPg(
      { connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 },
      // An empty name is pg's unnamed statement: parsed and planned per execution, as usual.
      { statementNameGenerator: (query) => (query.sql.startsWith(PREPARED) ? `chat_${createHash("sha1").update(query.sql).digest("hex").slice(0, 20)}` : "") },
    ),
  });
  return holder.casebookChatPreparedDb;
}

const holder = globalThis as typeof globalThis & { casebookChatPreparedDb?: Db };
