import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import type { CartView } from "@/server/shop/cart/get-cart";
import { formatMoney } from "@/components/ui/money";
import { OrderTotals } from "@/components/shop/order-totals";

/** Subtotal, shipping and total, and the way to checkout (closed while a line has a problem). */
export function CartSummary({ cart }: { cart: CartView }) {
  const problems = cart.lines.filter((line) => line.problem).length;
  const money = (cents: number) => formatMoney(cents, cart.currency);
  return (
    <Card aria-labelledby="cart-summary-heading">
      <CardBody className="space-y-4">
        <h2 id="cart-summary-heading" className="text-base font-semibold text-fg">
          Order summary
        </h2>
        <OrderTotals {...cart} testIdPrefix="cart" />
        {cart.freeShippingRemainingCents > 0 ? (
          <p className="text-sm text-muted">Add {money(cart.freeShippingRemainingCents)} more for free shipping.</p>
        ) : null}
        {problems > 0 ? (
          <>
            <p id="checkout-blocked" className="text-sm text-warning">
              {problems === 1 ? "One item needs" : `${problems} items need`} your attention before checkout. Items with a problem are not counted in
              the total.
            </p>
            <Button size="lg" className="w-full" disabled aria-describedby="checkout-blocked">
              Checkout
            </Button>
          </>
        ) : (
          <Link href="/shop/checkout" className={buttonClasses({ size: "lg", className: "w-full" })}>
            Checkout
          </Link>
        )}
        <p className="text-xs text-muted">Discount codes and tax are added at checkout, where prices and stock are checked again.</p>
      </CardBody>
    </Card>
  );
}
