import { redirect } from "next/navigation";

export default function ShopAdminPage() {
  redirect("/shop/admin/products");
}
