"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { OrderView } from "@/server/shop/orders/order-view";
import { formatMoney } from "@/components/ui/money";
import { orderLabel } from "./format-order";

/** Asks before cancelling; says whether the buyer gets a refund or simply is not charged. */
export function CancelOrderDialog({ order, token, open, onClose }: { order: OrderView; token: string | undefined; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const cancel = useMutation(
    trpc.shop.orders.cancel.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.shop.orders.get.queryKey({ orderId: order.id, token }), updated);
        void queryClient.invalidateQueries(trpc.shop.orders.list.pathFilter());
        toast.show({ tone: "success", title: updated.status === "refunded" ? "Order cancelled and refunded" : "Order cancelled" });
        onClose();
      },
    }),
  );
  const paid = order.status === "paid" || order.status === "preparing";
  return (
    <Dialog
      open={open}
      onClose={() => {
        cancel.reset();
        onClose();
      }}
      title={`Cancel order ${orderLabel(order.number)}?`}
      description={
        paid
          ? `You'll get a full refund of ${formatMoney(order.totalCents, order.currency)} to your card, and the items go back on the shelf.`
          : "You haven't been charged. The items we held for you go back on the shelf."
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={cancel.isPending}>
            Keep order
          </Button>
          <Button variant="danger" loading={cancel.isPending} onClick={() => cancel.mutate({ orderId: order.id, token })}>
            {paid ? "Cancel and refund" : "Cancel order"}
          </Button>
        </>
      }
    >
      {cancel.isError ? <Alert title="Could not cancel the order">{cancel.error.message}</Alert> : null}
    </Dialog>
  );
}
