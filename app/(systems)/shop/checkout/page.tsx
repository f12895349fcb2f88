import type { Metadata } from "next";
import { headers } from "next/headers";
import { CheckoutForm } from "@/components/shop/checkout/checkout-form";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Shop"
        title="Checkout"
        description={`Where should we send your order? Your items are held for ${env.SHOP_CHECKOUT_MINUTES} minutes while you pay.`}
      />
      <CheckoutForm accountEmail={user?.email ?? null} />
    </PageContainer>
  );
}
