"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { AdminProductView } from "@/server/shop/admin-products/admin-product-view";
import { combinationsOf, MAX_OPTIONS, MAX_VARIANTS, planProblem, VariantPlan, variantLabelOf, type ProductOption } from "@/server/shop/variants/variant-rules";
import { parsePrice } from "./parse-price";

type OptionDraft = { name: string; values: string };
type RowDraft = { sku: string; price: string; onHand: string };

const keyOf = (values: readonly string[]) => JSON.stringify(values);
const toOptions = (drafts: OptionDraft[]): ProductOption[] =>
  drafts.map((draft) => ({ name: draft.name.trim(), values: draft.values.split(",").map((value) => value.trim()).filter(Boolean) }));

/**
 * Options (Size: S, M, L) and one row per combination with its SKU, optional
 * price and stock. The whole table is saved at once; the server checks it with
 * the same rules (variant-rules.ts) and refuses to count stock below what
 * unpaid orders hold.
 */
export function VariantsDialog({ product, onClose, onSaved }: { product: AdminProductView | null; onClose: () => void; onSaved: () => void }) {
  return (
    <Dialog open={product !== null} onClose={onClose} title={product ? `Variants of ${product.name}` : "Variants"} className="w-[min(48rem,calc(100vw-2rem))]"
      description="Options such as size and colour; every combination gets its own SKU and stock. Leave a price empty to use the product's price.">
      {product ? <VariantsForm key={product.id} product={product} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function VariantsForm({ product, onClose, onSaved }: { product: AdminProductView; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [options, setOptions] = useState<OptionDraft[]>(() => product.options.map((option) => ({ name: option.name, values: option.values.join(", ") })));
  const [rows, setRows] = useState<Map<string, RowDraft>>(
    () =>
      new Map(
        product.variants.map((variant) => [
          keyOf(variant.optionValues),
          { sku: variant.sku, price: variant.priceOverrideCents === null ? "" : (variant.priceOverrideCents / 100).toFixed(2), onHand: String(variant.onHand) },
        ]),
      ),
  );
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.shop.adminProducts.setVariants.mutationOptions({
      onSuccess: (saved) => {
        toast.show({ tone: "success", title: "Variants saved", description: `${saved.name}: ${saved.variants.length} variants, ${saved.available} available` });
        onSaved();
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  const parsedOptions = toOptions(options);
  const combinations = parsedOptions.every((option) => option.name && option.values.length > 0) && parsedOptions.length > 0 ? combinationsOf(parsedOptions) : [];
  const reservedByKey = new Map(product.variants.map((variant) => [keyOf(variant.optionValues), variant.reserved]));
  const rowOf = (values: string[]): RowDraft =>
    rows.get(keyOf(values)) ?? { sku: [product.slug.slice(0, 12), ...values].join("-").toUpperCase().replace(/[^A-Z0-9._-]/g, ""), price: "", onHand: "0" };

  const setRow = (values: string[], change: Partial<RowDraft>) => setRows((current) => new Map(current).set(keyOf(values), { ...rowOf(values), ...change }));
  const setOption = (index: number, change: Partial<OptionDraft>) => setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...change } : option)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (combinations.length > MAX_VARIANTS) return setError(`These options make ${combinations.length} combinations; at most ${MAX_VARIANTS} are allowed.`);
    const variants = [];
    for (const values of combinations) {
      const row = rowOf(values);
      const priceCents = row.price.trim() === "" ? null : parsePrice(row.price);
      if (priceCents === null && row.price.trim() !== "") return setError(`${variantLabelOf(values)}: enter a price like 19.99, or leave it empty.`);
      const onHand = Number(row.onHand);
      if (row.onHand.trim() === "" || !Number.isInteger(onHand) || onHand < 0) return setError(`${variantLabelOf(values)}: enter a whole number of units.`);
      variants.push({ optionValues: values, sku: row.sku, priceCents, onHand });
    }
    const parsed = VariantPlan.safeParse({ options: parsedOptions, variants });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Please check the options and variants.");
    const problem = planProblem(parsed.data);
    if (problem) return setError(problem);
    setError(null);
    save.mutate({ productId: product.id, ...parsed.data });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-fg">Options</legend>
        {options.length === 0 ? <p className="text-sm text-muted">No options: the product has one stock count (the Stock button).</p> : null}
        {options.map((option, index) => (
          <div key={index} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_auto]">
            <TextField label={`Option ${index + 1} name`} value={option.name} placeholder="Size" onChange={(event) => setOption(index, { name: event.target.value })} />
            <TextField label={`Option ${index + 1} values`} hint="Separated by commas" value={option.values} placeholder="S, M, L" onChange={(event) => setOption(index, { values: event.target.value })} />
            <Button variant="ghost" size="sm" onClick={() => setOptions((current) => current.filter((_, at) => at !== index))} aria-label={`Remove option ${index + 1}`}>
              Remove
            </Button>
          </div>
        ))}
        {options.length < MAX_OPTIONS ? (
          <Button variant="secondary" size="sm" onClick={() => setOptions((current) => [...current, { name: "", values: "" }])}>
            Add option
          </Button>
        ) : null}
      </fieldset>

      {combinations.length > 0 ? (
        <div className="max-h-[50vh] overflow-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Variants</caption>
            <thead className="text-xs tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="py-2 pr-2 font-medium">Variant</th>
                <th scope="col" className="px-2 py-2 font-medium">SKU</th>
                <th scope="col" className="px-2 py-2 font-medium">Price</th>
                <th scope="col" className="px-2 py-2 font-medium">On hand</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {combinations.map((values) => {
                const label = variantLabelOf(values);
                const row = rowOf(values);
                const reserved = reservedByKey.get(keyOf(values)) ?? 0;
                return (
                  <tr key={keyOf(values)}>
                    <th scope="row" className="py-2 pr-2 font-medium text-fg">
                      {label}
                      {reserved > 0 ? <span className="block text-xs font-normal text-muted">{reserved} reserved</span> : null}
                    </th>
                    <td className="px-2 py-2">
                      <Input aria-label={`SKU of ${label}`} value={row.sku} onChange={(event) => setRow(values, { sku: event.target.value })} />
                    </td>
                    <td className="px-2 py-2">
                      <Input aria-label={`Price of ${label}`} inputMode="decimal" placeholder={(product.priceCents / 100).toFixed(2)} value={row.price} onChange={(event) => setRow(values, { price: event.target.value })} />
                    </td>
                    <td className="px-2 py-2">
                      <Input aria-label={`Units on hand of ${label}`} type="number" min={reserved} value={row.onHand} onChange={(event) => setRow(values, { onHand: event.target.value })} className="w-24" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>
          Save variants
        </Button>
      </div>
    </form>
  );
}
