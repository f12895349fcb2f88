import type { Metadata } from "next";
import { requireUser } from "@/server/accounts/require-user";
import { AdminOrdersTable } from "@/components/shop/orders/admin-orders-table";
import { Alert } from "@/components/ui/alert";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Orders · Shop admin" };

export default async function AdminOrdersPage() {
  const user = await requireUser("/shop/admin/orders");
  return (
    <PageContainer>
      <PageHeader eyebrow="Shop admin" title="Orders" description="Move paid orders through preparing, shipped and delivered; each step notifies the buyer live." />
      {user.role === "admin" ? <AdminOrdersTable /> : <Alert title="Administrators only">Your account cannot manage orders.</Alert>}
    </PageContainer>
  );
}
