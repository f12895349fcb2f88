/**
 * Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm),
 * driven through @prisma/adapter-pg. The native engine the Prisma CLI wants
 * must be downloaded from Prisma's binary host, which these machines cannot
 * reach; the wasm build ships inside the npm package.
 *
 * Used by create-migration.ts (diff) and by the tests (to check that the
 * engine agrees with our migration runner). Not used to apply migrations:
 * see migrate.ts for why.
 */
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  DiagnoseMigrationHistoryInput,
  DiagnoseMigrationHistoryOutput,
  DiffParams,
  DiffResult,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type SchemaEngineSession = {
  diff(params: DiffParams): Promise<DiffResult>;
  diagnoseMigrationHistory(input: DiagnoseMigrationHistoryInput): Promise<DiagnoseMigrationHistoryOutput>;
  close(): Promise<void>;
};

let wasmReady: Promise<void> | undefined;

/**
 * The package's entry point does `import * as wasm from "./x.wasm"`, which
 * Node 20 cannot do. We instantiate the module ourselves and hand it to the
 * JS glue the same way that entry point would (__wbg_set_wasm, then start).
 */
function loadEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    // The .wasm is not in the package's exports map; it sits beside the glue file that is.
    const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const imports: WebAssembly.Imports = { "./schema_engine_bg.js": { ...engineBindings } };
    const { instance } = await WebAssembly.instantiate(await fs.readFile(wasmFile), imports);
    engineBindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error(`${wasmFile} has no __wbindgen_start export; is the package version the one pinned in package.json?`);
    start();
  })();
  return wasmReady;
}

/**
 * Starts an engine connected to `databaseUrl`. The engine asks the server for
 * its version when it starts, so even a pure schema-to-schema diff needs a
 * reachable Postgres (create-migration.ts brings a throwaway one).
 */
export async function openSchemaEngine(databaseUrl: string): Promise<SchemaEngineSession> {
  await loadEngineWasm();
  // Our own pool, so close() can end it; the adapter leaves an external pool open.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));

  /**
   * When a database call fails, the engine only says "External error id#N";
   * the original error waits in the adapter's registry under that number.
   */
  async function withDriverErrors<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const id = /External error id#(\d+)/.exec(String(error))?.[1];
      const original = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id));
      throw original ? new Error(`Schema engine: ${String(original.error)}`, { cause: original.error }) : error;
    }
  }

  const engine = await withDriverErrors(() =>
    engineBindings.SchemaEngine.new({ datamodels: undefined }, reportEngineLog, adapter),
  );
  return {
    diff: (params) => withDriverErrors(() => engine.diff(params)),
    diagnoseMigrationHistory: (input) => withDriverErrors(() => engine.diagnoseMigrationHistory(input)),
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

/** The engine logs JSON lines (tracing); only warnings and errors are worth showing. */
function reportEngineLog(line: string): void {
  const level = /"level":"([A-Z]+)"/.exec(line)?.[1];
  if (level === "WARN" || level === "ERROR") console.error(`schema engine: ${line.trim()}`);
}
