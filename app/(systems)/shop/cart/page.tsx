import type { Metadata } from "next";
import Link from "next/link";
import { CartContents } from "@/components/shop/cart/cart-contents";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Your cart" };

export default function CartPage() {
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Shop"
        title="Your cart"
        description={`Today's prices and stock. Your cart is kept for ${env.SHOP_CART_TTL_DAYS} days after your last change.`}
        actions={
          <Link href="/shop" className={buttonClasses({ variant: "secondary" })}>
            Continue shopping
          </Link>
        }
      />
      <CartContents />
    </PageContainer>
  );
}
