"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import type { DiscountCodeView } from "@/server/shop/discounts/discount-code-view";
import { describeDiscount } from "@/server/shop/discounts/discount-rules";
import { DiscountCodeForm } from "./discount-code-form";

/** The discount codes with their terms and uses, and the form that creates one. */
export function AdminDiscountsManager({ currency }: { currency: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.shop.adminDiscounts.list.queryOptions());

  return (
    <div className="space-y-6">
      <DiscountCodeForm currency={currency} onCreated={() => void queryClient.invalidateQueries({ queryKey: trpc.shop.adminDiscounts.list.queryKey() })} />
      {list.isPending ? (
        <div className="space-y-2" role="status" aria-label="Loading discount codes">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-10 w-full" />
          ))}
        </div>
      ) : list.isError ? (
        <LoadError title="Discount codes could not be loaded" onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title="No discount codes yet" description="Create one with the form above." />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm" aria-label="Discount codes">
            <thead className="border-b border-border text-xs tracking-wide text-muted uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Code</th>
                <th scope="col" className="px-3 py-2 font-medium">Discount</th>
                <th scope="col" className="px-3 py-2 font-medium">Minimum</th>
                <th scope="col" className="px-3 py-2 font-medium">Expires</th>
                <th scope="col" className="py-2 pl-3 text-right font-medium">Used</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {list.data.map((code) => (
                <DiscountRow key={code.id} code={code} currency={currency} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DiscountRow({ code, currency }: { code: DiscountCodeView; currency: string }) {
  const expired = code.expiresAt !== null && code.expiresAt <= new Date();
  const usedUp = code.usageLimit !== null && code.timesUsed >= code.usageLimit;
  return (
    <tr>
      <td className="py-3 pr-3">
        <span className="font-mono font-semibold text-fg">{code.code}</span>
        {expired ? <Badge className="ml-2">Expired</Badge> : usedUp ? <Badge className="ml-2">Used up</Badge> : null}
      </td>
      <td className="px-3 py-3">{describeDiscount(code, currency)}</td>
      <td className="px-3 py-3 tabular-nums">{code.minSubtotalCents > 0 ? formatMoney(code.minSubtotalCents, currency) : "—"}</td>
      <td className="px-3 py-3">{code.expiresAt ? code.expiresAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" }) : "Never"}</td>
      <td className="py-3 pl-3 text-right tabular-nums">
        {code.timesUsed}
        {code.usageLimit !== null ? ` of ${code.usageLimit}` : ""}
      </td>
    </tr>
  );
}
