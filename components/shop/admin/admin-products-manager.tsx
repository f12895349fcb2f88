"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { formatMoney } from "@/components/ui/money";
import { StockStatus } from "@/components/shop/catalog/stock-status";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { AdminProductView } from "@/server/shop/admin-products/admin-product-view";
import { ProductFormDialog, type CategoryOption } from "./product-form-dialog";
import { StockDialog } from "./stock-dialog";
import { VariantsDialog } from "./variants-dialog";
import { LoadError } from "@/components/ui/load-error";

/** The admin products table with search, paging, the create/edit dialog, the stock editor and the variants editor. */
export function AdminProductsManager({ categories }: { categories: CategoryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AdminProductView | "new" | null>(null);
  const [stocking, setStocking] = useState<AdminProductView | null>(null);
  const [varying, setVarying] = useState<AdminProductView | null>(null);
  const list = useQuery({ ...trpc.shop.adminProducts.list.queryOptions({ search: deferredSearch, page }), placeholderData: keepPreviousData });

  const saved = () => {
    setEditing(null);
    setStocking(null);
    setVarying(null);
    void queryClient.invalidateQueries({ queryKey: trpc.shop.adminProducts.list.pathKey() });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="w-full max-w-sm">
          <label htmlFor="admin-product-search" className="mb-1.5 block text-sm font-medium text-fg">
            Find a product
          </label>
          <Input
            id="admin-product-search"
            type="search"
            value={search}
            placeholder="Name, brand or slug"
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
        </div>
        <Button onClick={() => setEditing("new")}>New product</Button>
      </div>

      {list.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading products">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-12 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <LoadError title="Products could not be loaded" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={deferredSearch ? `No products match “${deferredSearch}”` : "No products yet"} description="Create one with “New product”." />
      ) : (
        <div className={list.isPlaceholderData ? "overflow-x-auto opacity-60" : "overflow-x-auto"}>
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-border text-xs tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Product</th>
                <th scope="col" className="px-3 py-2 font-medium">Category</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Price</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">On hand</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">Reserved</th>
                <th scope="col" className="px-3 py-2 font-medium">Status</th>
                <th scope="col" className="py-2 pl-3 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {list.data.items.map((product) => (
                <tr key={product.id}>
                  <td className="py-3 pr-3">
                    <Link href={`/shop/products/${product.slug}`} className="font-medium text-fg hover:underline">
                      {product.name}
                    </Link>
                    <p className="text-xs text-muted">
                      {product.brand}
                      {product.variants.length > 0 ? ` · ${product.variants.length} variants` : null}
                    </p>
                  </td>
                  <td className="px-3 py-3 text-muted">{product.category.name}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{formatMoney(product.priceCents, product.currency)}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{product.onHand}</td>
                  <td className="px-3 py-3 text-right tabular-nums">{product.reserved}</td>
                  <td className="px-3 py-3">
                    <span className="flex flex-wrap gap-1">
                      {product.active ? <StockStatus available={product.available} /> : <Badge>Hidden</Badge>}
                      {product.featured ? <Badge tone="accent">Featured</Badge> : null}
                    </span>
                  </td>
                  <td className="py-3 pl-3">
                    <span className="flex justify-end gap-1">
                      {product.variants.length === 0 ? (
                        <Button size="sm" variant="secondary" onClick={() => setStocking(product)} aria-label={`Stock for ${product.name}`}>
                          Stock
                        </Button>
                      ) : null}
                      <Button size="sm" variant="secondary" onClick={() => setVarying(product)} aria-label={`Variants of ${product.name}`}>
                        Variants
                      </Button>
                      <Button size="sm" variant="secondary" onClick={() => setEditing(product)} aria-label={`Edit ${product.name}`}>
                        Edit
                      </Button>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between pt-4 text-sm text-muted">
            <span>
              {list.data.total.toLocaleString("en")} products · page {list.data.page} of {Math.max(1, list.data.pageCount)}
            </span>
            <span className="flex gap-2">
              <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button size="sm" variant="secondary" disabled={page >= list.data.pageCount} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </span>
          </div>
        </div>
      )}

      <ProductFormDialog
        // A fresh form (and gallery state) for every product opened.
        key={editing === "new" ? "new" : (editing?.id ?? "closed")}
        open={editing !== null}
        product={editing === "new" ? null : editing}
        categories={categories}
        onClose={() => setEditing(null)}
        onSaved={saved}
      />
      <StockDialog product={stocking} onClose={() => setStocking(null)} onSaved={saved} />
      <VariantsDialog product={varying} onClose={() => setVarying(null)} onSaved={saved} />
    </div>
  );
}
