"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/field";

/** What the expiry control holds: no expiry, an exact local date-time, or a number of days from now. */
export type ExpiryChoice = { mode: "never" } | { mode: "at"; local: string } | { mode: "days"; days: string };

export const NO_EXPIRY: ExpiryChoice = { mode: "never" };

const DAY_MS = 86_400_000;
const SELECT =
  "block h-10 w-full rounded-lg border border-border bg-surface px-3 text-sm text-fg shadow-xs focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-ring";

/** The chosen instant (null = never), or a message when the choice is incomplete or in the past. */
export function expiryFromChoice(choice: ExpiryChoice, now = Date.now()): { ok: true; expiresAt: Date | null } | { ok: false; message: string } {
  if (choice.mode === "never") return { ok: true, expiresAt: null };
  if (choice.mode === "days") {
    const days = Number(choice.days);
    if (!Number.isInteger(days) || days < 1 || days > 3650) return { ok: false, message: "Enter a whole number of days from 1 to 3650." };
    return { ok: true, expiresAt: new Date(now + days * DAY_MS) };
  }
  // datetime-local values ("2026-12-01T09:30") have no zone: the Date constructor reads them as local time.
  const at = new Date(choice.local);
  if (!choice.local || Number.isNaN(at.getTime())) return { ok: false, message: "Pick a date and time." };
  if (at.getTime() <= now) return { ok: false, message: "The expiry must be in the future." };
  return { ok: true, expiresAt: at };
}

/** A Date as a datetime-local value in the browser's zone. */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "Expires": never / on a date and time / in N days, with its error under it. */
export function ExpiryField({
  value,
  onChange,
  error,
}: {
  value: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid = error ? true : undefined;
  const describedBy = error ? errorId : undefined;
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-fg">Expiry</legend>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <div>
          <label htmlFor={`${id}-mode`} className="sr-only">
            When the link expires
          </label>
          <select
            id={`${id}-mode`}
            className={SELECT}
            aria-describedby={value.mode === "never" ? describedBy : undefined}
            value={value.mode}
            onChange={(event) => {
              const mode = event.target.value as ExpiryChoice["mode"];
              onChange(mode === "never" ? NO_EXPIRY : mode === "days" ? { mode, days: "7" } : { mode, local: toLocalInputValue(new Date(Date.now() + 7 * DAY_MS)) });
            }}
          >
            <option value="never">Never</option>
            <option value="at">On a date</option>
            <option value="days">In N days</option>
          </select>
        </div>
        {value.mode === "at" ? (
          <div>
            <Label htmlFor={`${id}-at`} className="sr-only">
              Expiry date and time
            </Label>
            <Input
              id={`${id}-at`}
              type="datetime-local"
              value={value.local}
              min={toLocalInputValue(new Date())}
              onChange={(event) => onChange({ mode: "at", local: event.target.value })}
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          </div>
        ) : value.mode === "days" ? (
          <div className="flex items-center gap-2">
            <Label htmlFor={`${id}-days`} className="sr-only">
              Days until expiry
            </Label>
            <div className="w-28 shrink-0">
              <Input
                id={`${id}-days`}
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                value={value.days}
                onChange={(event) => onChange({ mode: "days", days: event.target.value })}
                aria-invalid={invalid}
                aria-describedby={describedBy}
              />
            </div>
            <span className="text-sm text-muted">days from now</span>
          </div>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
