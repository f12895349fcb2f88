// Demo data, applied idempotently at every start (`node --import ./scripts/node/register.mjs prisma/seed.ts`). Each system adds its step here.
import { seedDemoAccounts } from "@/server/accounts/seed-demo-accounts";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { seedDemoCatalog } from "@/server/shop/catalog/seed-demo-catalog";

try {
  if (env.DEMO_ACCOUNTS) {
    const accounts = await seedDemoAccounts({ db, password: env.DEMO_PASSWORD });
    if (accounts.created.length) console.log(`Created demo accounts: ${accounts.created.join(", ")}.`);
    if (accounts.passwordsReset.length) console.log(`Reset demo passwords: ${accounts.passwordsReset.join(", ")}.`);
    // After the accounts: the demo shoppers leave the seeded reviews.
    const catalog = await seedDemoCatalog({ db });
    if (catalog.productsCreated) console.log(`Created the demo shop: ${catalog.productsCreated} products, ${catalog.reviewsCreated} reviews.`);
  }
  console.log("Demo data is up to date.");
} finally {
  await db.$disconnect();
}
