import type { Metadata } from "next";
import { headers } from "next/headers";
import { CheckoutForm } from "@/components/shop/checkout/checkout-form";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";
import { getSessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { getSavedAddress } from "@/server/shop/checkout/get-saved-address";

export const metadata: Metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const user = await getSessionUser(new Headers(await headers()));
  const savedAddress = user ? await getSavedAddress({ db, userId: user.id }) : null;
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Shop"
        title="Checkout"
        description={`Where should we send your order? Your items are held for ${env.SHOP_CHECKOUT_MINUTES} minutes while you pay.`}
      />
      <CheckoutForm accountEmail={user?.email ?? null} savedAddress={savedAddress} />
    </PageContainer>
  );
}
