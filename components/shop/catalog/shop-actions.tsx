import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** The shop's header links: cart for everyone, orders when signed in, the admin area for staff. */
export function ShopActions({ signedIn, isAdmin }: { signedIn: boolean; isAdmin: boolean }) {
  return (
    <>
      {isAdmin ? (
        <Link href="/shop/admin/products" className={buttonClasses({ variant: "ghost" })}>
          Admin
        </Link>
      ) : null}
      {signedIn ? (
        <Link href="/shop/orders" className={buttonClasses({ variant: "secondary" })}>
          My orders
        </Link>
      ) : null}
      <Link href="/shop/cart" className={buttonClasses({ variant: "secondary" })}>
        Cart
      </Link>
    </>
  );
}
