import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { createLink } from "../manage/create-link";
import type { LinkCache } from "../redirect/link-cache";
import { IsoDateTime } from "./public-api";

/** POST /api/shorten: the request body and the 201 answer (public REST API, shapes fixed by the Links issue). */
export const ShortenRequest = z.object({
  url: z.string({ error: "url is required" }),
  customAlias: z.string().nullish(),
  expiresAt: IsoDateTime.nullish(),
});

export const ShortenResponse = z.strictObject({
  shortUrl: z.url(),
  shortCode: z.string(),
  originalUrl: z.url(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
});
export type ShortenResponse = z.infer<typeof ShortenResponse>;

/** Creates the link for a REST caller (owned when an API key was sent) and answers in the REST shape. */
/** `origin`: where the short URL points (short-url.ts: shortLinkOriginFor the request). */
export async function shortenUrl({
  db,
  cache,
  ownerId,
  body,
  origin,
}: {
  db: Db;
  cache: LinkCache;
  ownerId: string | null;
  body: unknown;
  origin: string;
}): Promise<ShortenResponse> {
  const request = ShortenRequest.parse(body);
  const link = await createLink({
    db,
    cache,
    ownerId,
    input: { url: request.url, customAlias: request.customAlias?.trim() || undefined, expiresAt: request.expiresAt ?? null },
    origin,
  });
  return {
    shortUrl: link.shortUrl,
    shortCode: link.code,
    originalUrl: link.url,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}
