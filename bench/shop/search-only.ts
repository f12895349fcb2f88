import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations } from "../../scripts/db/migrate";
import { findFreePort } from "../../scripts/stack/ports";
import { startEmbeddedPostgres } from "../../scripts/stack/postgres";
import { PrismaClient } from "../../server/generated/prisma/client";
import { removeSearchCatalog, runSearchBench, seedSearchCatalog } from "./search";

/**
 * `npm run bench:shop -- --search-only [--quick]`: the search figures alone
 * (cold and warm `searchProducts` against the ILIKE baseline) on a throwaway
 * Postgres with the app's migrations, without building or starting the app.
 * A few minutes instead of the full run's build, for comparing two versions of
 * the search SQL back to back; the full run measures the same way and adds
 * HTTP and the oversell race.
 */
export async function runSearchOnly({ products, log }: { products: number; log: (line: string) => void }): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-bench-shop-search-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: await findFreePort(), database: "casebook_bench" });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
  const slugPrefix = "bench-search-";
  try {
    await applyMigrations(postgres.url);
    log(`Seeding ${products.toLocaleString("en")} products...`);
    await seedSearchCatalog(db, { count: products, slugPrefix, log });
    const search = await runSearchBench(db, { log });
    const load = os.loadavg().map((value) => value.toFixed(2)).join(" ");
    log(`
Shop search only (${products.toLocaleString("en")} products, ${search.queries} queries, ${search.meanResults} matches on average), load average ${load}
| path | p50 ms | p95 ms | p99 ms |
| cold (${search.coldQueries} terms): Casebook / baseline | ${search.coldP50} / ${search.baselineColdP50} | ${search.coldP95} / ${search.baselineColdP95} | |
| warm: Casebook | ${search.p50} | ${search.p95} | ${search.p99} |
| warm: baseline | ${search.baselineP50} | ${search.baselineP95} | |`);
    console.log(`RESULT products=${products}`);
    console.log(`RESULT search_p50_ms=${search.p50}`);
    console.log(`RESULT search_p95_ms=${search.p95}`);
    console.log(`RESULT search_cold_p95_ms=${search.coldP95}`);
    console.log(`RESULT baseline_p95_ms=${search.baselineP95}`);
  } finally {
    await removeSearchCatalog(db, slugPrefix).catch((error: unknown) => console.error("cleanup failed:", error));
    await db.$disconnect();
    await postgres.first.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
