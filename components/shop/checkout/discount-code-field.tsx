"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { DISCOUNT_LIMITS } from "@/server/shop/discounts/discount-rules";

/**
 * "Discount code" with Apply; once a code applies, its name and Remove. A
 * form of its own (Enter applies), kept outside the address form. Whether the
 * code applies is the quote's answer (`error`), shown under the field.
 */
export function DiscountCodeField({
  applied,
  error,
  checking,
  disabled,
  onApply,
  onRemove,
}: {
  /** The code the totals include; null when none does. */
  applied: string | null;
  error: string | null;
  checking: boolean;
  disabled: boolean;
  onApply: (code: string) => void;
  onRemove: () => void;
}) {
  const [typed, setTyped] = useState("");

  if (applied) {
    return (
      <div className="flex items-center justify-between gap-3 rounded-md border border-border px-3 py-2 text-sm" role="status">
        <span>
          Code <span className="font-semibold text-fg">{applied}</span> applied
        </span>
        <Button type="button" variant="ghost" size="sm" disabled={disabled} onClick={onRemove} aria-label={`Remove the code ${applied}`}>
          Remove
        </Button>
      </div>
    );
  }

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) onApply(typed.trim().toUpperCase());
  };
  return (
    <form onSubmit={apply} noValidate className="flex items-start gap-2">
      <div className="min-w-0 flex-1">
        <TextField
          label="Discount code"
          name="discountCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={DISCOUNT_LIMITS.codeMax}
          value={typed}
          disabled={disabled}
          error={error}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary" className="mt-6" loading={checking} disabled={disabled || typed.trim() === ""}>
        Apply
      </Button>
    </form>
  );
}
