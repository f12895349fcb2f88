// Demo data, applied idempotently at every start (`node --import ./scripts/node/register.mjs prisma/seed.ts`). Each system adds its step here.
import { seedDemoAccounts } from "@/server/accounts/seed-demo-accounts";
import { DEMO_ACCOUNTS } from "@/server/accounts/demo-accounts";
import { seedDemoChat } from "@/server/chat/demo/seed-demo-chat";
import { env } from "@/server/env";
import { seedDemoFeed } from "@/server/feed/demo/seed-demo-feed";
import { seedDemoLinks } from "@/server/links/demo/seed-demo-links";
import { db } from "@/server/platform/db";
import { closeQueues } from "@/server/platform/queue";
import { redis } from "@/server/platform/redis";
import { storage } from "@/server/platform/storage";
import { seedDemoDrivers } from "@/server/rides/demo/seed-demo-drivers";
import { seedDemoCatalog } from "@/server/shop/catalog/seed-demo-catalog";
import { seedDemoDiscounts } from "@/server/shop/discounts/seed-demo-discounts";
import { seedDemoVariants } from "@/server/shop/variants/seed-demo-variants";
import { DEMO_CHANNELS } from "@/server/videos/demo/demo-videos";
import { seedDemoVideos } from "@/server/videos/demo/seed-demo-videos";

try {
  if (env.DEMO_ACCOUNTS) {
    const accounts = await seedDemoAccounts({ db, password: env.DEMO_PASSWORD });
    if (accounts.created.length) console.log(`Created demo accounts: ${accounts.created.join(", ")}.`);
    if (accounts.passwordsReset.length) console.log(`Reset demo passwords: ${accounts.passwordsReset.join(", ")}.`);
    const people = await db.user.findMany({ where: { username: { in: DEMO_ACCOUNTS.map((account) => account.username) } }, select: { id: true, username: true } });
    const idsByUsername = Object.fromEntries(people.map((person) => [person.username as string, person.id]));
    const links = await seedDemoLinks({ db, redis, ownerIds: idsByUsername });
    if (links.linksCreated) console.log(`Created ${links.linksCreated} demo links with ${links.clicksCreated} clicks.`);
    const chat = await seedDemoChat({ db, userIds: idsByUsername });
    if (chat.conversationsFilled) console.log(`Created ${chat.conversationsFilled} demo conversations with ${chat.messagesCreated} messages.`);
    // After the accounts: the demo shoppers leave the seeded reviews.
    const catalog = await seedDemoCatalog({ db });
    if (catalog.productsCreated) console.log(`Created the demo shop: ${catalog.productsCreated} products, ${catalog.reviewsCreated} reviews.`);
    const variants = await seedDemoVariants({ db, redis });
    if (variants) console.log(`Gave ${variants} demo products sizes and colours.`);
    const discounts = await seedDemoDiscounts({ db });
    if (discounts) console.log(`Created ${discounts} demo discount codes (WELCOME10, SAVE5).`);
    // After the accounts: the demo people follow each other and the generated ones.
    const feed = await seedDemoFeed({ db, storage, demoUsernames: DEMO_ACCOUNTS.filter((account) => account.role !== "driver").map((account) => account.username) });
    if (feed.accountsCreated || feed.postsCreated || feed.picturesCreated) console.log(`Created the demo feed: ${feed.accountsCreated} people, ${feed.followsCreated} follows, ${feed.postsCreated} posts, ${feed.picturesCreated} pictures.`);
    // After the accounts: the demo drivers get their cars (the simulator creates its own virtual drivers when it starts).
    const demoDrivers = await db.user.findMany({ where: { username: { in: DEMO_ACCOUNTS.filter((account) => account.role === "driver").map((account) => account.username) } }, select: { id: true } });
    const drivers = await seedDemoDrivers({ db, demoDriverIds: demoDrivers.map((driver) => driver.id), count: 0 });
    if (drivers.created) console.log(`Created ${drivers.created} Rides driver profiles.`);
    // After the accounts: alice, bob and carol own the demo channels; the others watch, like and comment.
    if (env.VIDEO_DEMO_VIDEOS) {
      const people = await db.user.findMany({ where: { username: { in: [...DEMO_CHANNELS] } }, select: { id: true, username: true } });
      const ids = DEMO_CHANNELS.flatMap((username) => people.find((person) => person.username === username)?.id ?? []);
      const videos = await seedDemoVideos({ db, redis, storage, people: ids });
      if (videos.videosCreated || videos.transcodesQueued) console.log(`Demo videos: ${videos.videosCreated} made, ${videos.transcodesQueued} queued for transcoding (the worker makes them playable after the start).`);
    }
  }
  console.log("Demo data is up to date.");
} finally {
  await closeQueues();
  redis.disconnect();
  await db.$disconnect();
}
