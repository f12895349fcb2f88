"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/shop/admin/products", label: "Products" },
  { href: "/shop/admin/orders", label: "Orders" },
  { href: "/shop/admin/discounts", label: "Discounts" },
] as const;

/** Products | Orders | Discounts, the current one marked for screen readers too. */
export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Shop admin" className="flex gap-1 border-b border-border">
      {TABS.map((tab) => {
        const current = pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-4 py-2.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-ring",
              current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
