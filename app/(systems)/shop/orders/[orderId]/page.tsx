import type { Metadata } from "next";
import { headers } from "next/headers";
import { OrderDetail, type CheckoutReturn } from "@/components/shop/orders/order-detail";
import { PageContainer } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";
import { userChannel } from "@/server/platform/realtime";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ orderId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One order: its buyer, an admin, or a guest holding the link from checkout (`?token=`). */
export default async function OrderPage({ params, searchParams }: Props) {
  const [{ orderId }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const user = await getSessionUser(new Headers(requestHeaders));
  const token = first(query.token);
  const checkout = first(query.checkout);
  const returnedFrom: CheckoutReturn = checkout === "success" || checkout === "cancelled" ? checkout : null;
  return (
    <PageContainer>
      <OrderDetail orderId={orderId} token={token} channel={user ? userChannel(user.id) : null} returnedFrom={returnedFrom} />
    </PageContainer>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
