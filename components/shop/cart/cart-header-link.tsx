"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";
import { cn } from "@/components/ui/cn";
import { CartIcon } from "./cart-icon";
import { useCart } from "./use-cart";

/**
 * The header's cart link with the number of items. Shown on every Shop page,
 * and elsewhere once the cart holds something. `sessionKey` changes when
 * someone signs in or out: the cart is then a different one (and the first
 * read after sign-in merges the guest cart), so it is fetched again.
 */
export function CartHeaderLink({ sessionKey }: { sessionKey: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const cart = useCart();
  const lastSession = useRef(sessionKey);

  useEffect(() => {
    if (lastSession.current === sessionKey) return;
    lastSession.current = sessionKey;
    void queryClient.invalidateQueries(trpc.shop.cart.get.queryFilter());
  }, [sessionKey, queryClient, trpc]);

  const count = cart.data?.itemCount ?? 0;
  const inShop = pathname === "/shop" || pathname.startsWith("/shop/");
  if (!inShop && count === 0) return null;

  const label = count === 0 ? "Cart, empty" : `Cart, ${count} ${count === 1 ? "item" : "items"}`;
  return (
    <Link
      href="/shop/cart"
      aria-label={label}
      aria-current={pathname === "/shop/cart" ? "page" : undefined}
      data-testid="header-cart-link"
      className={cn(
        "relative inline-flex size-10 items-center justify-center rounded-lg text-muted transition-colors hover:bg-surface-2 hover:text-fg",
        pathname === "/shop/cart" && "bg-accent-soft text-accent-text",
      )}
    >
      <CartIcon className="size-6" />
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-accent px-1 text-[11px] font-semibold leading-none text-accent-fg"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
