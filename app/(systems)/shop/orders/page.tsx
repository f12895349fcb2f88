import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/accounts/require-user";
import { OrderList } from "@/components/shop/orders/order-list";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { userChannel } from "@/server/platform/realtime";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage() {
  const user = await requireUser("/shop/orders");
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Shop"
        title="Your orders"
        description="Everything you've ordered, newest first. Statuses update live."
        actions={
          <Link href="/shop" className={buttonClasses({ variant: "secondary" })}>
            Continue shopping
          </Link>
        }
      />
      <OrderList channel={userChannel(user.id)} />
    </PageContainer>
  );
}
