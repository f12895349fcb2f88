import { router } from "@/server/trpc/init";

/**
 * The Shop API for the browser, one sub-router per area; each area's router
 * lists its procedures and their shapes.
 */
export const shopRouter = router({});
