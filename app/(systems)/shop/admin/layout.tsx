import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/server/accounts/require-user";
import { AdminTabs } from "@/components/shop/admin/admin-tabs";

/** Staff only: the tabs, then the tab's page. Every admin procedure checks the role again on the server. */
export default async function ShopAdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/shop/admin/products");
  if (user.role !== "admin") forbidden();
  return (
    <>
      <div className="mx-auto w-full max-w-6xl px-4 pt-6 sm:px-6">
        <AdminTabs />
      </div>
      {children}
    </>
  );
}
