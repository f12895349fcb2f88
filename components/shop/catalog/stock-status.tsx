import { Badge } from "@/components/ui/badge";

/** Below this many units the page says "Only N left" instead of "In stock". */
const LOW_STOCK = 3;

export function stockLabel(available: number): string {
  if (available <= 0) return "Sold out";
  if (available <= LOW_STOCK) return `Only ${available} left`;
  return "In stock";
}

export function StockStatus({ available }: { available: number }) {
  const tone = available <= 0 ? "danger" : available <= LOW_STOCK ? "warning" : "success";
  return <Badge tone={tone}>{stockLabel(available)}</Badge>;
}
