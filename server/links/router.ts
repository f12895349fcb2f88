import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { CreateApiKeyInput, createApiKey } from "./keys/create-api-key";
import { BulkCreateLinksInput, bulkCreateLinks } from "./manage/bulk-create-links";
import { CreateLinkInput, createLink } from "./manage/create-link";
import { limitLinkCreation } from "./manage/limit-link-creation";
import { deleteLink } from "./manage/delete-link";
import { LinkStatsInput, getLinkStats } from "./analytics/get-link-stats";
import { getLinkCache } from "./redirect/link-cache";
import { listApiKeys } from "./keys/list-api-keys";
import { ListLinksInput, listLinks } from "./manage/list-links";
import { RevokeApiKeyInput, revokeApiKey } from "./keys/revoke-api-key";
import { setLinkDisabled } from "./manage/set-link-disabled";
import { shortLinkOriginFor } from "./short-url";
import { UpdateLinkInput, updateLink } from "./manage/update-link";

/**
 * The Links API for the browser (tRPC, superjson: Dates arrive as Date).
 * Every procedure needs a signed-in user and acts on that user's links only.
 * The contract is in code: inputs are the zod schemas imported here, outputs
 * the operations' return types (LinkView, LinkStats, ApiKeyView, which the
 * browser imports as types); a LinkView's shortUrl is on the origin the
 * browser used (short-url.ts). The live click counter and the milestones:
 * analytics/announce-click-counts.ts. The public REST API: api/.
 */
const LinkCodeInput = z.object({ code: z.string().min(1).max(50) });

export const linksRouter = router({
  create: protectedProcedure.input(CreateLinkInput).mutation(async ({ ctx, input }) => {
    await limitLinkCreation(ctx.user.id, 1);
    return createLink({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, input, origin: shortLinkOriginFor(ctx.headers) });
  }),
  bulkCreate: protectedProcedure.input(BulkCreateLinksInput).mutation(async ({ ctx, input }) => {
    await limitLinkCreation(ctx.user.id, input.rows.length);
    return bulkCreateLinks({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, input, origin: shortLinkOriginFor(ctx.headers) });
  }),
  list: protectedProcedure.input(ListLinksInput).query(({ ctx, input }) => listLinks({ db: ctx.db, ownerId: ctx.user.id, input, origin: shortLinkOriginFor(ctx.headers) })),
  update: protectedProcedure
    .input(UpdateLinkInput)
    .mutation(({ ctx, input }) => updateLink({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, input, origin: shortLinkOriginFor(ctx.headers) })),
  setDisabled: protectedProcedure
    .input(LinkCodeInput.extend({ disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setLinkDisabled({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, ...input, origin: shortLinkOriginFor(ctx.headers) })),
  delete: protectedProcedure.input(LinkCodeInput).mutation(async ({ ctx, input }) => {
    await deleteLink({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, code: input.code });
    return { deleted: true as const };
  }),
  stats: protectedProcedure
    .input(LinkStatsInput)
    .query(({ ctx, input }) => getLinkStats({ db: ctx.db, ownerId: ctx.user.id, code: input.code, range: input.range })),
  apiKeys: router({
    create: protectedProcedure.input(CreateApiKeyInput).mutation(({ ctx, input }) => createApiKey({ db: ctx.db, userId: ctx.user.id, name: input.name })),
    list: protectedProcedure.query(({ ctx }) => listApiKeys({ db: ctx.db, userId: ctx.user.id })),
    revoke: protectedProcedure.input(RevokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey({ db: ctx.db, redis: ctx.redis, userId: ctx.user.id, id: input.id })),
  }),
});
