import type { Metadata } from "next";
import { AdminOrdersTable } from "@/components/shop/orders/admin-orders-table";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Orders · Shop admin" };

/** The admin layout has refused everyone but administrators (403); the table's procedures check the role again. */
export default function AdminOrdersPage() {
  return (
    <PageContainer>
      <PageHeader eyebrow="Shop admin" title="Orders" description="Move paid orders through preparing, shipped and delivered; each step notifies the buyer live." />
      <AdminOrdersTable />
    </PageContainer>
  );
}
