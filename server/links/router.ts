import { z } from "zod";
import { protectedProcedure, router } from "@/server/trpc/init";
import { CreateApiKeyInput, createApiKey } from "./keys/create-api-key";
import { CreateLinkInput, createLink } from "./manage/create-link";
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
 *
 * links.create      mutation  { url, customAlias?, expiresAt?: Date|null, title?, tags?: string[], password? } → LinkView
 *                             BAD_REQUEST (data.appCode) with a message for the field; CONFLICT when the alias is taken.
 * links.list        query     { search?, tag?, status?: "all"|"active"|"expired"|"disabled" = "all",
 *                               cursor?: string|null, limit?: 1..100 = 20 } → { items: LinkView[], nextCursor: string|null }
 * links.update      mutation  { code, url?, title?: string|null, tags?: string[], expiresAt?: Date|null, password?: string|null } → LinkView
 *                             (omitted = unchanged, null = cleared; the code/alias itself cannot change)
 * links.setDisabled mutation  { code, disabled: boolean } → LinkView
 * links.delete      mutation  { code } → { deleted: true }
 * links.stats       query     { code, range?: "24h"|"7d"|"30d"|"all" = "7d" } → LinkStats
 * links.apiKeys.create  mutation { name } → ApiKeyView & { key }   (key is shown this once)
 * links.apiKeys.list    query    → ApiKeyView[]
 * links.apiKeys.revoke  mutation { id } → ApiKeyView
 *
 * LinkView (link-view.ts): { id, code, shortUrl (on the origin the browser used: short-url.ts), url, title: string|null, tags: string[], isAlias,
 *   expiresAt: Date|null, disabled, hasPassword, clickCount, status: "active"|"expired"|"disabled", createdAt, updatedAt }
 * LinkStats (get-link-stats.ts): { code, url, range, from: Date|null, to: Date, bucket: "hour"|"day",
 *   totalClicks, uniqueVisitors (unique per UTC day, summed), botClicks (bot hits left out),
 *   timeline: { start: ISO string ("…T14:00:00.000Z" for hours, "YYYY-MM-DD" for days), clicks, uniqueVisitors }[],
 *   referrers, countries (ISO alpha-2 | "unknown"), browsers, os, devices: { name, count }[] (top 10; referrer "direct" = none) }
 * ApiKeyView (list-api-keys.ts): { id, name, prefix ("cbk_AbCd1234"), createdAt, lastUsedAt: Date|null, revokedAt: Date|null }
 *
 * Elsewhere: the live click counter is the realtime event "link.clicks" on the owner's private channel
 * (`private-user-<id>`), data { links: { code, clickCount }[] }, once per ingest batch
 * (announce-click-counts.ts). Milestones (100/1,000/10,000 clicks) arrive as notifications of kind
 * "link.milestone" with payload { linkId, code, clicks }. CSV export: GET /api/links/{code}/clicks.csv.
 * QR codes are drawn in the browser from `shortUrl` (the `qrcode` package).
 */
const LinkCodeInput = z.object({ code: z.string().min(1).max(50) });

export const linksRouter = router({
  create: protectedProcedure
    .input(CreateLinkInput)
    .mutation(({ ctx, input }) => createLink({ db: ctx.db, cache: getLinkCache(ctx), ownerId: ctx.user.id, input, origin: shortLinkOriginFor(ctx.headers) })),
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
