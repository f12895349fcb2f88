"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/field";

export type LinkStatusFilter = "all" | "active" | "expired" | "disabled";
export type LinkFilterValues = { search: string; tag: string; status: LinkStatusFilter };
export const NO_FILTERS: LinkFilterValues = { search: "", tag: "", status: "all" };

const SELECT =
  "block h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-fg shadow-xs focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-ring";

/** Search, tag and status controls above "My links". `knownTags` feeds the tag suggestions. */
export function LinkFilters({
  value,
  onChange,
  knownTags,
}: {
  value: LinkFilterValues;
  onChange: (next: LinkFilterValues) => void;
  knownTags: string[];
}) {
  const id = useId();
  return (
    <div role="search" aria-label="Filter my links" className="grid gap-3 sm:grid-cols-[1fr_12rem_10rem]">
      <div className="space-y-1">
        <Label htmlFor={`${id}-search`}>Search</Label>
        <Input
          id={`${id}-search`}
          type="search"
          placeholder="Code, destination or title"
          value={value.search}
          onChange={(event) => onChange({ ...value, search: event.target.value })}
        />
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${id}-tag`}>Tag</Label>
        <Input
          id={`${id}-tag`}
          list={`${id}-tags`}
          placeholder="Any tag"
          value={value.tag}
          onChange={(event) => onChange({ ...value, tag: event.target.value })}
        />
        <datalist id={`${id}-tags`}>
          {knownTags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${id}-status`}>Status</Label>
        <select
          id={`${id}-status`}
          className={SELECT}
          value={value.status}
          onChange={(event) => onChange({ ...value, status: event.target.value as LinkStatusFilter })}
        >
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="expired">Expired</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
    </div>
  );
}
