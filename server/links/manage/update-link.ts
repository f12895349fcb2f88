import { z } from "zod";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { getOwnedLinkOrThrow } from "./get-owned-link-or-throw";
import type { LinkCache } from "../redirect/link-cache";
import {
  LinkCardDescription,
  LinkCardImage,
  LinkCardTitle,
  LinkPassword,
  LinkTags,
  LinkTitle,
  cardImageOrThrow,
  destinationOrThrow,
  expiryOrThrow,
  normalizeTags,
} from "./link-fields";
import { queueLinkPreview } from "../preview/refresh-link-preview";
import { hashLinkPassword } from "../link-password";
import { LinkTargetingInput, targetingOrThrow } from "./link-targeting";
import { toLinkView, type LinkView } from "./link-view";

/** Omitted fields stay as they are; `null` clears title, expiry or password. The code itself never changes. */
export const UpdateLinkInput = z.object({
  code: z.string().min(1).max(50),
  url: z.string().max(8_192).optional(),
  title: LinkTitle.nullish(),
  tags: LinkTags.optional(),
  expiresAt: z.date().nullish(),
  password: LinkPassword.nullish(),
  /** Replaces the link's targeting; an empty form clears it. */
  targeting: LinkTargetingInput.optional(),
  /** true: the three card fields below become the link's card for unfurlers; false: back to the destination's own card (fetched again). */
  previewCustom: z.boolean().optional(),
  previewTitle: LinkCardTitle.optional(),
  previewDescription: LinkCardDescription.optional(),
  previewImage: LinkCardImage.optional(),
});
export type UpdateLinkInput = z.infer<typeof UpdateLinkInput>;

export async function updateLink({
  db,
  cache,
  ownerId,
  input,
  now = new Date(),
  origin,
}: {
  db: Db;
  cache: LinkCache;
  ownerId: string;
  input: UpdateLinkInput;
  now?: Date;
  /** Where the returned short URL points (short-url.ts); the configured origin when omitted. */
  origin?: string;
}): Promise<LinkView> {
  const link = await getOwnedLinkOrThrow({ db, ownerId, code: input.code });
  const updated = await db.link.update({
    where: { id: link.id },
    data: {
      ...(input.url === undefined ? {} : { url: destinationOrThrow(input.url) }),
      ...(input.title === undefined ? {} : { title: input.title?.trim() || null }),
      ...(input.tags === undefined ? {} : { tags: normalizeTags(input.tags) }),
      ...(input.expiresAt === undefined ? {} : { expiresAt: expiryOrThrow(input.expiresAt, now) ?? null }),
      ...(input.password === undefined ? {} : { passwordHash: input.password === null ? null : await hashLinkPassword(input.password) }),
      ...(input.targeting === undefined ? {} : { targeting: targetingOrThrow(input.targeting) ?? Prisma.DbNull }),
      ...cardChange(input),
    },
  });
  // The destination's own card is read again when it moved, or when the owner gave up their own.
  if (!updated.previewCustom && (updated.url !== link.url || (input.previewCustom === false && link.previewCustom))) await queueLinkPreview(updated.id);
  // Every instance drops its cached copy; the next redirect reads the new row.
  await cache.invalidate(updated.code);
  return toLinkView(updated, now, origin);
}

function cardChange(input: UpdateLinkInput) {
  if (input.previewCustom === undefined) return {};
  if (!input.previewCustom) return { previewCustom: false };
  return {
    previewCustom: true,
    previewTitle: input.previewTitle || null,
    previewDescription: input.previewDescription || null,
    previewImage: cardImageOrThrow(input.previewImage ?? ""),
  };
}
