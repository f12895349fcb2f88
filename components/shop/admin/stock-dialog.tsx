"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formErrorsOf } from "@/components/shop/catalog/form-errors";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { AdminProductView } from "@/server/shop/admin-products/admin-product-view";

/** Set the counted units on hand; the server refuses to go below what unpaid orders hold. */
export function StockDialog({ product, onClose, onSaved }: { product: AdminProductView | null; onClose: () => void; onSaved: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const setStock = useMutation(
    trpc.shop.adminProducts.setStock.mutationOptions({
      onSuccess: (saved) => {
        toast.show({ tone: "success", title: "Stock updated", description: `${saved.name}: ${saved.onHand} on hand, ${saved.available} available` });
        onSaved();
      },
      onError: (failure) => setError(formErrorsOf(failure, ["onHand"] as const).onHand ?? failure.message),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!product) return;
    const onHand = Number(new FormData(event.currentTarget).get("onHand"));
    if (!Number.isInteger(onHand) || onHand < 0) {
      setError("Enter a whole number of units.");
      return;
    }
    setError(null);
    setStock.mutate({ id: product.id, onHand });
  };

  return (
    <Dialog
      open={product !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={product ? `Stock for ${product.name}` : "Stock"}
      description={product ? `${product.reserved} reserved by unpaid orders · ${product.available} available now` : undefined}
    >
      <form key={product?.id} onSubmit={submit} noValidate className="space-y-4">
        <TextField label="Units on hand" name="onHand" type="number" min={product?.reserved ?? 0} defaultValue={product?.onHand} error={error} autoFocus />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={setStock.isPending}>
            Save stock
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
