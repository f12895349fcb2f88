"use client";

import { cn } from "@/components/ui/cn";

const STEP =
  "flex size-9 items-center justify-center text-fg transition-colors hover:bg-surface-2 disabled:pointer-events-none disabled:opacity-40 " +
  "focus-visible:outline-2 focus-visible:outline-ring";

/** − n + for a cart line. `max` is the most the line may hold now (per-line limit or stock). */
export function QuantityStepper({
  value,
  max,
  busy,
  label,
  onChange,
}: {
  value: number;
  max: number;
  busy: boolean;
  /** What the quantity is of, for screen readers ("Quantity of Desk lamp"). */
  label: string;
  onChange: (next: number) => void;
}) {
  return (
    <div role="group" aria-label={label} className={cn("inline-flex items-center overflow-hidden rounded-lg border border-border bg-surface shadow-xs", busy && "opacity-70")}>
      <button type="button" className={STEP} aria-label="Decrease quantity" disabled={busy || value <= 1} onClick={() => onChange(value - 1)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M4 9.25h12v1.5H4z" />
        </svg>
      </button>
      <output aria-live="polite" className="w-9 text-center text-sm font-medium tabular-nums text-fg" data-testid="line-quantity">
        {value}
      </output>
      <button type="button" className={STEP} aria-label="Increase quantity" disabled={busy || value >= max} onClick={() => onChange(value + 1)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M9.25 4h1.5v5.25H16v1.5h-5.25V16h-1.5v-5.25H4v-1.5h5.25z" />
        </svg>
      </button>
    </div>
  );
}
