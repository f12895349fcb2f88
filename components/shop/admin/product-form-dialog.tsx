"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formErrorsOf } from "@/components/shop/catalog/form-errors";
import { NativeSelect } from "@/components/shop/orders/native-select";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import type { AdminProductView } from "@/server/shop/admin-products/admin-product-view";
import { parsePrice } from "./parse-price";
import { ProductImagesField } from "./product-images-field";

const FIELDS = ["name", "brand", "categorySlug", "priceCents", "description", "images", "onHand"] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | "form", string>>;
export type CategoryOption = { slug: string; name: string };

/** Create a product (`product` null) or edit one. */
export function ProductFormDialog({
  open,
  product,
  categories,
  onClose,
  onSaved,
}: {
  open: boolean;
  product: AdminProductView | null;
  categories: CategoryOption[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const toast = useToast();
  const [errors, setErrors] = useState<Errors>({});
  const [images, setImages] = useState<string[]>(product?.images ?? []);
  const onError = (failure: Parameters<typeof formErrorsOf>[0]) => setErrors(formErrorsOf(failure, FIELDS));
  const onSuccess = (saved: AdminProductView) => {
    toast.show({ tone: "success", title: product ? "Product saved" : "Product created", description: saved.name });
    onSaved();
  };
  const create = useMutation(trpc.shop.adminProducts.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.shop.adminProducts.update.mutationOptions({ onSuccess, onError }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const priceCents = parsePrice(text("price"));
    const onHand = Number(text("onHand") || "0");
    const next: Errors = {};
    if (priceCents === null) next.priceCents = "Enter a price like 19.99.";
    if (!product && (!Number.isInteger(onHand) || onHand < 0)) next.onHand = "Enter a whole number of units.";
    setErrors(next);
    if (priceCents === null || Object.keys(next).length > 0) return;
    const fields = {
      name: text("name"),
      brand: text("brand"),
      categorySlug: text("categorySlug"),
      priceCents,
      description: text("description"),
      images,
      featured: form.get("featured") === "on",
      active: form.get("active") === "on",
    };
    if (product) update.mutate({ id: product.id, ...fields });
    else create.mutate({ ...fields, onHand });
  };

  return (
    <Dialog open={open} onClose={onClose} title={product ? `Edit ${product.name}` : "New product"} className="w-[min(40rem,calc(100vw-2rem))]">
      <form key={product?.id ?? "new"} onSubmit={submit} noValidate className="space-y-4">
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <TextField label="Name" name="name" defaultValue={product?.name} error={errors.name} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Brand" name="brand" defaultValue={product?.brand} error={errors.brand} required />
          <Field label="Category" error={errors.categorySlug}>
            {(props) => (
              <NativeSelect {...props} name="categorySlug" defaultValue={product?.category.slug ?? categories[0]?.slug}>
                {categories.map((category) => (
                  <option key={category.slug} value={category.slug}>
                    {category.name}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <TextField label="Price (USD)" name="price" inputMode="decimal" defaultValue={product ? (product.priceCents / 100).toFixed(2) : ""} error={errors.priceCents} required />
          {product ? null : <TextField label="Units on hand" name="onHand" type="number" min={0} defaultValue="0" error={errors.onHand} />}
        </div>
        <Field label="Description" error={errors.description}>
          {(props) => <Textarea {...props} name="description" rows={4} defaultValue={product?.description} />}
        </Field>
        <ProductImagesField images={images} onChange={setImages} error={errors.images} />
        <div className="flex gap-6 text-sm text-fg">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="featured" defaultChecked={product?.featured ?? false} className="size-4 accent-accent" /> Featured on the shop home
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="active" defaultChecked={product?.active ?? true} className="size-4 accent-accent" /> On sale
          </label>
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {product ? "Save changes" : "Create product"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
