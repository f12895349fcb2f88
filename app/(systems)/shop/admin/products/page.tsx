import type { Metadata } from "next";
import { AdminProductsManager } from "@/components/shop/admin/admin-products-manager";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { db } from "@/server/platform/db";
import { getCatalogHome } from "@/server/shop/catalog/get-catalog-home";

export const metadata: Metadata = { title: "Products · Shop admin" };

export default async function AdminProductsPage() {
  const { categories } = await getCatalogHome({ db });
  return (
    <PageContainer>
      <PageHeader eyebrow="Shop admin" title="Products" description="Edit the catalog and count stock. Units held by unpaid orders cannot be counted away." />
      <AdminProductsManager categories={categories.map(({ slug, name }) => ({ slug, name }))} />
    </PageContainer>
  );
}
