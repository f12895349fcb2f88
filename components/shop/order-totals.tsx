import { formatMoney } from "@/components/ui/money";
import { cn } from "@/components/ui/cn";

/** Subtotal, shipping and total of a cart, a checkout or an order; `testIdPrefix` names the figures for tests ("cart" → cart-total). */
export function OrderTotals({
  subtotalCents,
  shippingCents,
  totalCents,
  currency,
  testIdPrefix,
  className,
}: {
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  testIdPrefix: string;
  className?: string;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <dl className={cn("space-y-2 text-sm", className)}>
      <div className="flex justify-between gap-4">
        <dt className="text-muted">Subtotal</dt>
        <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-subtotal`}>
          {money(subtotalCents)}
        </dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-muted">Shipping</dt>
        <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-shipping`}>
          {shippingCents === 0 ? "Free" : money(shippingCents)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 border-t border-border pt-3 text-base font-semibold">
        <dt className="text-fg">Total</dt>
        <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-total`}>
          {money(totalCents)}
        </dd>
      </div>
    </dl>
  );
}
