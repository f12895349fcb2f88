import type { Metadata } from "next";
import { AdminDiscountsManager } from "@/components/shop/admin/admin-discounts-manager";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Discount codes · Shop admin" };

export default function AdminDiscountsPage() {
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Shop admin"
        title="Discount codes"
        description="Buyers enter a code at checkout. A use counts when the order is placed and is given back if the order is never paid."
      />
      <AdminDiscountsManager currency={env.SHOP_CURRENCY} />
    </PageContainer>
  );
}
