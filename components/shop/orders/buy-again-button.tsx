"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useStoreCart } from "../cart/use-cart";

/** "Buy again": the order's items go into the cart (as many as ordered, stock allowing), then the cart opens. */
export function BuyAgainButton({ orderId, token }: { orderId: string; token?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const storeCart = useStoreCart();
  const buyAgain = useMutation(
    trpc.shop.cart.buyAgain.mutationOptions({
      onSuccess: ({ cart, unavailable }) => {
        storeCart(cart);
        toast.show(
          unavailable.length > 0
            ? { tone: "info", title: "Added what is still available", description: `Not available now: ${unavailable.join(", ")}.` }
            : { tone: "success", title: "Added to your cart", description: `${cart.itemCount} in your cart` },
        );
        router.push("/shop/cart");
      },
      onError: (error) => toast.show({ tone: "error", title: "Could not add these items", description: error.message }),
    }),
  );
  return (
    <Button variant="secondary" loading={buyAgain.isPending || buyAgain.isSuccess} onClick={() => buyAgain.mutate({ orderId, token })}>
      Buy again
    </Button>
  );
}
