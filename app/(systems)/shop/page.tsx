import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Shop" };

export default function ShopPage() {
  return <ComingSoon slug="shop" />;
}
