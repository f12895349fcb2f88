import { router } from "./init";
import { accountsRouter } from "@/server/accounts/router";
import { systemRouter } from "@/server/system/router";
import { notificationsRouter } from "@/server/notifications/router";
import { linksRouter } from "@/server/links/router";
import { chatRouter } from "@/server/chat/router";
import { shopRouter } from "@/server/shop/router";
import { feedRouter } from "@/server/feed/router";
import { videosRouter } from "@/server/videos/router";
import { ridesRouter } from "@/server/rides/router";
import { ACCOUNT_ERASERS } from "./account-erasers";

/** The whole tRPC API, one entry per area. */
export const appRouter = router({
  system: systemRouter,
  accounts: accountsRouter(ACCOUNT_ERASERS),
  notifications: notificationsRouter,
  links: linksRouter,
  chat: chatRouter,
  shop: shopRouter,
  feed: feedRouter,
  videos: videosRouter,
  rides: ridesRouter,
});

export type AppRouter = typeof appRouter;
