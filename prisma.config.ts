import { defineConfig } from "prisma/config";

// Read by the Prisma CLI only (generate, studio). Migrations are applied by
// scripts/db/migrate.ts, which works offline; see README "Database migrations".
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5433/casebook",
  },
});
