import { z } from "zod";
import { AppError } from "@/server/errors";
import { destinationOrThrow } from "./link-fields";

/** Countries one link may send somewhere else. */
export const GEO_TARGETS_MAX = 10;

/** What a link stores (Link.targeting) and the redirect reads: only the keys that are set. */
export type LinkTargeting = { ios?: string; android?: string; geo?: Record<string, string> };

/** The form's shape: empty strings and an empty list mean "no targeting". */
export const LinkTargetingInput = z.object({
  iosUrl: z.string().max(8_192).nullish(),
  androidUrl: z.string().max(8_192).nullish(),
  countries: z
    .array(z.object({ country: z.string().regex(/^[A-Z]{2}$/, "Countries are two-letter codes such as DE."), url: z.string().max(8_192) }))
    .max(GEO_TARGETS_MAX, `At most ${GEO_TARGETS_MAX} countries.`)
    .default([]),
});
export type LinkTargetingInput = z.input<typeof LinkTargetingInput>;

/** Checks each destination like the main one (field names say which), or null when nothing is targeted. */
export function targetingOrThrow(input: LinkTargetingInput): LinkTargeting | null {
  const { iosUrl, androidUrl, countries } = LinkTargetingInput.parse(input);
  const targeting: LinkTargeting = {};
  if (iosUrl?.trim()) targeting.ios = checked(iosUrl, "iosUrl");
  if (androidUrl?.trim()) targeting.android = checked(androidUrl, "androidUrl");
  const geo: Record<string, string> = {};
  for (const { country, url } of countries) {
    if (geo[country]) throw new AppError("BAD_REQUEST", `${country} is listed twice.`, { field: "countries" });
    geo[country] = checked(url, "countries");
  }
  if (Object.keys(geo).length > 0) targeting.geo = geo;
  return Object.keys(targeting).length > 0 ? targeting : null;
}

function checked(url: string, field: string): string {
  try {
    return destinationOrThrow(url);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { ...error.details, field });
    throw error;
  }
}

/** The stored JSON back as the form's shape (LinkView.targeting). */
export function targetingView(stored: unknown): { iosUrl: string | null; androidUrl: string | null; countries: Array<{ country: string; url: string }> } | null {
  if (!stored || typeof stored !== "object") return null;
  const targeting = stored as LinkTargeting;
  return {
    iosUrl: targeting.ios ?? null,
    androidUrl: targeting.android ?? null,
    countries: Object.entries(targeting.geo ?? {}).map(([country, url]) => ({ country, url })),
  };
}
