import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { countUnreadNotifications } from "./count-unread-notifications";
import { MAX_NOTIFICATIONS_PAGE, listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";

export const ZListNotificationsInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(MAX_NOTIFICATIONS_PAGE).default(20),
  unreadOnly: z.boolean().default(false),
});

export const ZMarkNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);

/** The signed-in user's notifications: list, badge count, mark read. */
export const notificationsRouter = router({
  list: protectedProcedure
    .input(ZListNotificationsInput)
    .query(({ ctx, input }) => listNotifications({ db: ctx.db, userId: ctx.user.id, ...input })),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnreadNotifications({ db: ctx.db, userId: ctx.user.id })),
  markRead: protectedProcedure
    .input(ZMarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead({ db: ctx.db, userId: ctx.user.id, target: input })),
});
