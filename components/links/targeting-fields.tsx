"use client";

import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { LinkFormErrors } from "./link-form-errors";

export type TargetingValue = { iosUrl: string; androidUrl: string; countries: Array<{ country: string; url: string }> };
export const NO_TARGETING: TargetingValue = { iosUrl: "", androidUrl: "", countries: [] };
/** The server's GEO_TARGETS_MAX (server/links/manage/link-targeting.ts). */
const COUNTRIES_MAX = 10;

/** Every region the browser can name, as ISO 3166 alpha-2 codes with English names, sorted by name. */
function useCountries(): Array<{ code: string; name: string }> {
  return useMemo(() => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const countries: Array<{ code: string; name: string }> = [];
    for (const first of letters) {
      for (const second of letters) {
        const code = first + second;
        const name = names.of(code);
        if (name && name !== code) countries.push({ code, name });
      }
    }
    return countries.sort((a, b) => a.name.localeCompare(b.name));
  }, []);
}

/**
 * Other destinations for some visitors: an App Store and a Play Store link
 * for phones, and up to 10 countries with their own page. A visitor's
 * country wins over their device (server/links/redirect/targeted-destination.ts).
 */
export function TargetingFields({ value, onChange, errors }: { value: TargetingValue; onChange: (value: TargetingValue) => void; errors: LinkFormErrors }) {
  const countries = useCountries();
  const setRow = (index: number, change: Partial<TargetingValue["countries"][number]>) =>
    onChange({ ...value, countries: value.countries.map((row, at) => (at === index ? { ...row, ...change } : row)) });
  return (
    <fieldset className="space-y-3 rounded-lg border border-border p-3">
      <legend className="px-1 text-sm font-medium text-fg">Targeting (optional)</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="iPhone and iPad visitors go to" name="iosUrl" type="url" inputMode="url" placeholder="https://apps.apple.com/…" value={value.iosUrl} onChange={(event) => onChange({ ...value, iosUrl: event.target.value })} error={errors.iosUrl} />
        <TextField label="Android visitors go to" name="androidUrl" type="url" inputMode="url" placeholder="https://play.google.com/…" value={value.androidUrl} onChange={(event) => onChange({ ...value, androidUrl: event.target.value })} error={errors.androidUrl} />
      </div>
      {value.countries.length > 0 ? (
        <ul aria-label="Countries" className="space-y-2">
          {value.countries.map((row, index) => (
            <li key={index} className="flex flex-wrap items-center gap-2">
              <select
                aria-label={`Country ${index + 1}`}
                value={row.country}
                onChange={(event) => setRow(index, { country: event.target.value })}
                className="h-10 rounded-lg border border-border bg-surface px-2 text-sm text-fg focus:outline-none focus-visible:ring-2 focus-visible:ring-accent"
              >
                {countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
              <Input aria-label={`Destination for country ${index + 1}`} type="url" placeholder="https://example.de/" value={row.url} onChange={(event) => setRow(index, { url: event.target.value })} className="min-w-0 flex-1" />
              <Button variant="ghost" size="sm" aria-label={`Remove country ${index + 1}`} onClick={() => onChange({ ...value, countries: value.countries.filter((_, at) => at !== index) })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.countries ? <p className="text-sm text-danger">{errors.countries}</p> : null}
      <Button variant="secondary" size="sm" disabled={value.countries.length >= COUNTRIES_MAX} onClick={() => onChange({ ...value, countries: [...value.countries, { country: "DE", url: "" }] })}>
        Add a country
      </Button>
    </fieldset>
  );
}
