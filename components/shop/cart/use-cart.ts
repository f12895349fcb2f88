"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc/client";
import type { CartView } from "@/server/shop/cart/get-cart";

/** The shopper's cart (`shop.cart.get`), shared by the header badge, the cart page and the add-to-cart form. */
export function useCart() {
  const trpc = useTRPC();
  return useQuery(trpc.shop.cart.get.queryOptions());
}

/** Every cart mutation answers with the new CartView: put it in the cache so the badge and page update at once. */
export function useStoreCart(): (cart: CartView) => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback((cart: CartView) => queryClient.setQueryData(trpc.shop.cart.get.queryKey(), cart), [queryClient, trpc]);
}
