import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Rides" };

export default function RidesPage() {
  return <ComingSoon slug="rides" />;
}
