import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatMoney } from "@/components/ui/money";
import { Skeleton } from "@/components/ui/skeleton";
import { taxRateLabel } from "@/server/shop/checkout/tax-rate-label";

/** "Tax (DE, 19%)"; "Tax" alone before a country is known. */
export function taxLineLabel(country: string | null, basisPoints: number | null): string {
  return country && basisPoints !== null ? `Tax (${country}, ${taxRateLabel(basisPoints)})` : "Tax";
}

/**
 * Subtotal, discount, shipping, tax and total of a cart, a checkout or an
 * order; `testIdPrefix` names the figures for tests ("cart" → cart-total).
 * The discount line shows when `discount` is given, the tax line when `tax` is
 * (a cart has neither: both depend on the checkout's code and country).
 */
export function OrderTotals({
  subtotalCents,
  shippingCents,
  totalCents,
  currency,
  discount,
  tax,
  testIdPrefix,
  className,
}: {
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  /** e.g. { label: "WELCOME10 · 10% off", cents: 450 } */
  discount?: { label: string; cents: number } | null;
  /** e.g. { label: "Tax (DE, 19%)", cents: 1_234 }, or a label alone before a country is chosen. */
  tax?: { label: string; cents: number | null } | null;
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
      {discount ? (
        <div className="flex justify-between gap-4">
          <dt className="min-w-0 text-muted">
            Discount <span className="font-medium text-fg">{discount.label}</span>
          </dt>
          <dd className="shrink-0 tabular-nums text-success" data-testid={`${testIdPrefix}-discount`}>
            −{money(discount.cents)}
          </dd>
        </div>
      ) : null}
      <div className="flex justify-between gap-4">
        <dt className="text-muted">Shipping</dt>
        <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-shipping`}>
          {shippingCents === 0 ? "Free" : money(shippingCents)}
        </dd>
      </div>
      {tax ? (
        <div className="flex justify-between gap-4">
          <dt className="text-muted">{tax.label}</dt>
          <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-tax`}>
            {tax.cents === null ? "—" : money(tax.cents)}
          </dd>
        </div>
      ) : null}
      <div className="flex justify-between gap-4 border-t border-border pt-3 text-base font-semibold">
        <dt className="text-fg">Total</dt>
        <dd className="tabular-nums text-fg" data-testid={`${testIdPrefix}-total`}>
          {money(totalCents)}
        </dd>
      </div>
    </dl>
  );
}

/** The totals' card while a cart or a checkout loads: a heading, two lines, the button. */
export function OrderTotalsSkeleton() {
  return (
    <Card>
      <CardBody className="space-y-3">
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-3 w-full" />
        <Skeleton className="h-3 w-full" />
        <Skeleton className="h-12 w-full" />
      </CardBody>
    </Card>
  );
}
