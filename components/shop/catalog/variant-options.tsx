"use client";

import { cn } from "@/components/ui/cn";
import type { ProductOption } from "@/server/shop/variants/variant-rules";
import type { VariantView } from "@/server/shop/variants/variant-view";
import { valueState, type Selection } from "./variant-selection";

const NOTE = { sold_out: "Sold out", unavailable: "Unavailable" } as const;

/**
 * One radio group per option (Size, Colour) drawn as segmented buttons:
 * arrow keys move within a group, and values that cannot be bought with the
 * choices made so far are disabled and say why ("Sold out").
 */
export function VariantOptions({
  options,
  variants,
  selection,
  onChoose,
}: {
  options: ProductOption[];
  variants: VariantView[];
  selection: Selection;
  onChoose: (optionIndex: number, value: string) => void;
}) {
  return (
    <div className="space-y-4">
      {options.map((option, optionIndex) => (
        <fieldset key={option.name} className="space-y-2">
          <legend className="text-sm font-medium text-fg">
            {option.name}
            {selection[optionIndex] ? <span className="font-normal text-muted">: {selection[optionIndex]}</span> : null}
          </legend>
          <div className="flex flex-wrap gap-2">
            {option.values.map((value) => {
              const state = valueState(variants, selection, optionIndex, value);
              const disabled = state !== "in_stock";
              const checked = selection[optionIndex] === value;
              return (
                <label key={value} className={cn("relative", disabled ? "cursor-not-allowed" : "cursor-pointer")}>
                  <input
                    type="radio"
                    name={`option-${optionIndex}`}
                    value={value}
                    checked={checked}
                    disabled={disabled}
                    onChange={() => onChoose(optionIndex, value)}
                    className="peer sr-only"
                  />
                  <span
                    className={cn(
                      "flex min-h-10 min-w-12 flex-col items-center justify-center rounded-lg border px-3 py-1.5 text-sm",
                      "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
                      checked ? "border-accent bg-accent-soft font-medium text-accent-text" : "border-border bg-surface text-fg",
                      disabled && "border-dashed bg-surface-2 text-muted",
                    )}
                  >
                    <span className={cn(disabled && "line-through")}>{value}</span>
                    {disabled ? <span className="text-xs">{NOTE[state]}</span> : null}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
