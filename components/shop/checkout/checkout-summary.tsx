import { Card, CardBody } from "@/components/ui/card";
import type { CartView } from "@/server/shop/cart/get-cart";
import { formatMoney } from "@/components/ui/money";
import { OrderTotals } from "@/components/shop/order-totals";

/** The order as it will be charged: each line at today's price, shipping and the total the server computed. */
export function CheckoutSummary({ cart }: { cart: CartView }) {
  const money = (cents: number) => formatMoney(cents, cart.currency);
  return (
    <Card aria-labelledby="checkout-summary-heading">
      <CardBody className="space-y-4">
        <h2 id="checkout-summary-heading" className="text-base font-semibold text-fg">
          Order summary
        </h2>
        <ul className="space-y-3 text-sm" aria-label="Items">
          {cart.lines.map((line) => (
            <li key={line.productId} className="flex items-start justify-between gap-4">
              <div className="min-w-0">
                <p className="truncate font-medium text-fg">{line.product?.name ?? "Unavailable product"}</p>
                <p className="text-muted">
                  {line.quantity} × {line.product ? money(line.product.priceCents) : "—"}
                  {line.problem ? <span className="ml-2 text-warning">{PROBLEMS[line.problem]}</span> : null}
                </p>
              </div>
              <span className="shrink-0 tabular-nums text-fg">{line.problem ? "—" : money(line.lineTotalCents)}</span>
            </li>
          ))}
        </ul>
        <OrderTotals {...cart} testIdPrefix="checkout" className="border-t border-border pt-3" />
        <p className="text-xs text-muted">Prices and stock are confirmed when you continue; your items are then held for you while you pay.</p>
      </CardBody>
    </Card>
  );
}

const PROBLEMS = {
  sold_out: "Sold out",
  not_enough_stock: "Not enough in stock",
  unavailable: "No longer available",
} as const;
