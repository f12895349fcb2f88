import type { ReactNode } from "react";
import type { CountItem } from "@/server/links/analytics/get-link-stats";
import { formatCount } from "./format";

/**
 * A ranked list with proportional bars (referrers, countries, browsers...).
 * Plain list markup: screen readers read "name, count" without the bars.
 */
export function BarList({
  title,
  items,
  nameOf = (name) => name,
  footnote,
}: {
  title: string;
  items: CountItem[];
  nameOf?: (name: string) => string;
  /** A line under the list explaining one of its names. */
  footnote?: ReactNode;
}) {
  const max = Math.max(1, ...items.map((item) => item.count));
  return (
    <section aria-label={title} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-muted">No clicks in this range.</p>
      ) : (
        <ol className="mt-3 space-y-2">
          {items.map((item) => (
            <li key={item.name} className="relative flex items-center justify-between gap-3 overflow-hidden rounded-md px-2 py-1 text-sm">
              <span aria-hidden="true" className="absolute inset-y-0 left-0 rounded-md bg-accent-soft" style={{ width: `${(item.count / max) * 100}%` }} />
              <span className="relative truncate text-fg">{nameOf(item.name)}</span>
              <span className="relative font-medium tabular-nums text-fg">{formatCount(item.count)}</span>
            </li>
          ))}
        </ol>
      )}
      {footnote ? <p className="mt-3 text-xs text-muted">{footnote}</p> : null}
    </section>
  );
}

const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

/** "DE" → "Germany"; "unknown" (loopback, private networks, no match) → "Unknown". */
export function countryName(code: string): string {
  if (code === "unknown" || !/^[A-Z]{2}$/.test(code)) return "Unknown";
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code; // not a region Intl knows: show the code as sent
  }
}

/** Why a click has no country: said under the list whenever "Unknown" is in it. */
export function unknownCountryNote(items: CountItem[]): string | undefined {
  if (!items.some((item) => countryName(item.name) === "Unknown")) return undefined;
  return "Unknown: clicks from a private or local network (such as this machine or an office network behind it), or from an address the country database does not list.";
}

/** Referrer domains as sent; "direct" is traffic without a referrer. */
export function referrerName(name: string): string {
  return name === "direct" ? "Direct / none" : name;
}
