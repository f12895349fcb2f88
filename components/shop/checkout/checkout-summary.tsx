import type { ReactNode } from "react";
import { Card, CardBody } from "@/components/ui/card";
import type { CartView } from "@/server/shop/cart/get-cart";
import type { CheckoutQuote } from "@/server/shop/checkout/quote-checkout";
import { formatMoney } from "@/components/ui/money";
import { OrderTotals, taxLineLabel } from "@/components/shop/order-totals";

/**
 * The order as it will be charged: each line at today's price, then the
 * server's quote for the code and country chosen so far (discount, shipping,
 * tax, total). Until the first quote arrives the cart's own totals show.
 */
export function CheckoutSummary({
  cart,
  quote,
  quoteError,
  discountField,
}: {
  cart: CartView;
  quote: CheckoutQuote | undefined;
  quoteError: string | null;
  discountField: ReactNode;
}) {
  const money = (cents: number) => formatMoney(cents, cart.currency);
  const totals = quote ?? cart;
  return (
    <Card aria-labelledby="checkout-summary-heading">
      <CardBody className="space-y-4">
        <h2 id="checkout-summary-heading" className="text-base font-semibold text-fg">
          Order summary
        </h2>
        <ul className="space-y-3 text-sm" aria-label="Items">
          {cart.lines.map((line) => (
            <li key={`${line.productId}:${line.variantId ?? ""}`} className="flex items-start justify-between gap-4">
              <div className="min-w-0">
                <p className="truncate font-medium text-fg">{line.product?.name ?? "Unavailable product"}</p>
                {line.product?.variant ? <p className="text-muted">{line.product.variant.label}</p> : null}
                <p className="text-muted">
                  {line.quantity} × {line.product ? money(line.product.priceCents) : "—"}
                  {line.problem ? <span className="ml-2 text-warning">{PROBLEMS[line.problem]}</span> : null}
                </p>
              </div>
              <span className="shrink-0 tabular-nums text-fg">{line.problem ? "—" : money(line.lineTotalCents)}</span>
            </li>
          ))}
        </ul>
        <div className="border-t border-border pt-3">{discountField}</div>
        <OrderTotals
          {...totals}
          discount={quote?.discount ? { label: `${quote.discount.code} · ${quote.discount.label}`, cents: quote.discountCents } : null}
          tax={taxLine(quote)}
          testIdPrefix="checkout"
          className="border-t border-border pt-3"
        />
        {quoteError ? (
          <p role="alert" className="text-sm text-danger">
            We could not update the totals: {quoteError}
          </p>
        ) : null}
        <p className="text-xs text-muted">Prices and stock are confirmed when you continue; your items are then held for you while you pay.</p>
      </CardBody>
    </Card>
  );
}

/** "Tax (DE, 19%)" with its amount once the quote knows the country's rate; "Tax" and a dash before. */
function taxLine(quote: CheckoutQuote | undefined): { label: string; cents: number | null } {
  const rate = quote?.taxRateBasisPoints ?? null;
  if (!quote || rate === null) return { label: taxLineLabel(null, null), cents: null };
  return { label: taxLineLabel(quote.taxCountry, rate), cents: quote.taxCents };
}

const PROBLEMS = {
  sold_out: "Sold out",
  not_enough_stock: "Not enough in stock",
  unavailable: "No longer available",
  choose_option: "Choose an option first",
} as const;
