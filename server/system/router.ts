import { publicProcedure, router } from "@/server/trpc/init";
import { getHomeStats } from "./get-home-stats";

export const systemRouter = router({
  homeStats: publicProcedure.query(({ ctx }) => getHomeStats({ db: ctx.db })),
});
