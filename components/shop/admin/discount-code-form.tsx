"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formErrorsOf } from "@/components/shop/catalog/form-errors";
import { NativeSelect } from "@/components/shop/orders/native-select";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { CreateDiscountCodeInput, DISCOUNT_LIMITS, type DiscountKind } from "@/server/shop/discounts/discount-rules";
import { parsePrice } from "./parse-price";

const FIELDS = ["code", "kind", "value", "minSubtotalCents", "expiresAt", "usageLimit"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | "form", string>>;

/**
 * "New discount code": percentage or amount, and the optional minimum
 * subtotal, expiry and usage limit. Checked with the server's own schema
 * first; the server's refusals (a code that exists, a past expiry) land on
 * their field.
 */
export function DiscountCodeForm({ currency, onCreated }: { currency: string; onCreated: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [kind, setKind] = useState<DiscountKind>("percent");
  const [errors, setErrors] = useState<Errors>({});
  // Bumped after a create: a fresh, empty form.
  const [formVersion, setFormVersion] = useState(0);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const create = useMutation(
    trpc.shop.adminDiscounts.create.mutationOptions({
      onSuccess: (code) => {
        toast.show({ tone: "success", title: "Discount code created", description: code.code });
        setFormVersion((version) => version + 1);
        setKind("percent");
        setErrors({});
        onCreated();
      },
      onError: (failure) => {
        setErrors(formErrorsOf(failure, FIELDS));
        focusFirstInvalid();
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const next: Errors = {};
    const value = kind === "percent" ? Number(text("value")) : parsePrice(text("value"));
    if (value === null || !Number.isFinite(value) || text("value") === "") next.value = kind === "percent" ? "Enter a percentage from 1 to 100." : "Enter an amount like 5.00.";
    const minSubtotal = text("minSubtotal") === "" ? 0 : parsePrice(text("minSubtotal"));
    if (minSubtotal === null) next.minSubtotalCents = "Enter an amount like 50.00, or leave it empty.";
    const usageLimit = text("usageLimit") === "" ? null : Number(text("usageLimit"));
    const expiresAt = text("expiresAt") === "" ? null : new Date(text("expiresAt"));
    if (expiresAt && Number.isNaN(expiresAt.getTime())) next.expiresAt = "Enter a date and time.";
    else if (expiresAt && expiresAt <= new Date()) next.expiresAt = "The expiry must be in the future.";
    const parsed = CreateDiscountCodeInput.safeParse({ code: text("code"), kind, value, minSubtotalCents: minSubtotal ?? 0, expiresAt, usageLimit });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (typeof field === "string" && (FIELDS as readonly string[]).includes(field) && !next[field as keyof Errors]) next[field as keyof Errors] = issue.message;
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsed.success) {
      focusFirstInvalid();
      return;
    }
    create.mutate(parsed.data);
  };

  const unit = currency.toUpperCase();
  return (
    <Card>
      <CardBody>
        <form key={formVersion} ref={formRef} onSubmit={submit} noValidate className="space-y-4" aria-labelledby="new-discount-heading">
          <h2 id="new-discount-heading" className="text-base font-semibold text-fg">
            New discount code
          </h2>
          {errors.form ? <Alert>{errors.form}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField
              label="Code"
              name="code"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={DISCOUNT_LIMITS.codeMax}
              hint={`${DISCOUNT_LIMITS.codeMin}–${DISCOUNT_LIMITS.codeMax} letters, digits, - or _`}
              error={errors.code}
              required
            />
            <Field label="Type" error={errors.kind}>
              {(props) => (
                <NativeSelect {...props} name="kind" value={kind} onChange={(event) => setKind(event.target.value === "amount" ? "amount" : "percent")}>
                  <option value="percent">Percentage off</option>
                  <option value="amount">Amount off</option>
                </NativeSelect>
              )}
            </Field>
            <TextField
              key={kind}
              label={kind === "percent" ? "Percent off" : `Amount off (${unit})`}
              name="value"
              inputMode={kind === "percent" ? "numeric" : "decimal"}
              placeholder={kind === "percent" ? "10" : "5.00"}
              error={errors.value}
              required
            />
            <TextField label={`Minimum subtotal (${unit})`} name="minSubtotal" inputMode="decimal" placeholder="Any" hint="Optional" error={errors.minSubtotalCents} />
            <TextField label="Expires" name="expiresAt" type="datetime-local" hint="Optional; your local time" error={errors.expiresAt} />
            <TextField label="Usage limit" name="usageLimit" inputMode="numeric" placeholder="Unlimited" hint="Optional; orders that may use it" error={errors.usageLimit} />
          </div>
          <Button type="submit" loading={create.isPending}>
            Create code
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
