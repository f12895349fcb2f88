/** The campaign parameters analytics tools read (Google Analytics, Plausible, Matomo...), as dub's and Bitly's builders offer them. */
export const UTM_FIELDS = [
  { key: "utm_source", label: "Source", placeholder: "newsletter" },
  { key: "utm_medium", label: "Medium", placeholder: "email" },
  { key: "utm_campaign", label: "Campaign", placeholder: "spring-sale" },
  { key: "utm_term", label: "Term", placeholder: "running shoes" },
  { key: "utm_content", label: "Content", placeholder: "header-link" },
] as const;

export type UtmKey = (typeof UTM_FIELDS)[number]["key"];
export type Utm = Partial<Record<UtmKey, string>>;

/**
 * `url` with the filled-in UTM parameters set (replacing ones it already
 * has); unchanged when none is filled in or when it is not a URL yet, so the
 * server's own check names the problem.
 */
export function withUtm(url: string, utm: Utm): string {
  const filled = UTM_FIELDS.flatMap(({ key }) => (utm[key]?.trim() ? [[key, utm[key].trim()] as const] : []));
  if (filled.length === 0) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  for (const [key, value] of filled) parsed.searchParams.set(key, value);
  return parsed.toString();
}
