"use client";

import { useId } from "react";
import type { FacetOption, SearchFacets } from "@/server/shop/catalog/search-products";
import { MAX_SELECTED_PER_FACET, type SearchProductsParams } from "@/server/shop/catalog/search-options";
import { toggleOptionValue } from "./search-url";

type Change = (next: Partial<SearchProductsParams>) => void;

/** The filters sidebar: every option shows how many results it would give; ticking one updates the URL. */
export function FacetPanel({ facets, search, onChange }: { facets: SearchFacets; search: SearchProductsParams; onChange: Change }) {
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  return (
    <div className="space-y-6">
      <FacetGroup title="Category" options={facets.categories} onToggle={(value) => onChange({ category: toggle(search.category, value) })} />
      <FacetGroup title="Brand" options={facets.brands} onToggle={(value) => onChange({ brand: toggle(search.brand, value) })} />
      {facets.options.map((option) => (
        <FacetGroup
          key={option.name}
          title={option.name}
          options={option.values}
          full={option.values.filter((value) => value.selected).length >= MAX_SELECTED_PER_FACET}
          onToggle={(value) => onChange({ options: toggleOptionValue(search.options, option.name, value) })}
        />
      ))}
      <FacetGroup
        title="Price"
        options={facets.prices}
        onToggle={(value) => onChange({ price: toggle(search.price, value) as SearchProductsParams["price"] })}
      />
      <RatingGroup options={facets.ratings} selected={search.rating ?? null} onChange={(rating) => onChange({ rating })} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-fg">Availability</legend>
        <Checkbox label="In stock only" count={facets.inStock.count} checked={search.inStock} onChange={() => onChange({ inStock: !search.inStock })} />
      </fieldset>
    </div>
  );
}

/** `full`: as many values ticked as one facet takes, so the others wait until one is unticked. */
function FacetGroup({ title, options, full = false, onToggle }: { title: string; options: FacetOption[]; full?: boolean; onToggle: (value: string) => void }) {
  if (options.length === 0) return null;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-fg">{title}</legend>
      {options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.label}
          count={option.count}
          checked={option.selected}
          disabled={(option.count === 0 || full) && !option.selected}
          onChange={() => onToggle(option.value)}
        />
      ))}
    </fieldset>
  );
}

function Checkbox({ label, count, checked, disabled = false, onChange }: { label: string; count: number; checked: boolean; disabled?: boolean; onChange: () => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={onChange} className="size-4 rounded border-border accent-accent" />
      <label htmlFor={id} className={disabled ? "flex-1 text-muted" : "flex-1 text-fg"}>
        {label}
      </label>
      <FacetCount count={count} />
    </div>
  );
}

/** "12" on screen, "12 results" to screen readers. */
function FacetCount({ count }: { count: number }) {
  return (
    <span className="text-xs text-muted tabular-nums" data-testid="facet-count">
      {count.toLocaleString("en")}
      <span className="sr-only"> {count === 1 ? "result" : "results"}</span>
    </span>
  );
}

function RatingGroup({ options, selected, onChange }: { options: FacetOption[]; selected: number | null; onChange: (rating: number | null) => void }) {
  const name = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-fg">Customer rating</legend>
      <Radio name={name} label="Any rating" checked={selected === null} onChange={() => onChange(null)} />
      {options.map((option) => (
        <Radio key={option.value} name={name} label={option.label} count={option.count} checked={option.selected} onChange={() => onChange(Number(option.value))} />
      ))}
    </fieldset>
  );
}

function Radio({ name, label, count, checked, onChange }: { name: string; label: string; count?: number; checked: boolean; onChange: () => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} className="size-4 accent-accent" />
      <label htmlFor={id} className="flex-1 text-fg">
        {label}
      </label>
      {count === undefined ? null : <FacetCount count={count} />}
    </div>
  );
}
