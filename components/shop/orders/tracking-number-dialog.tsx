"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { TRACKING_NUMBER_LIMITS, TrackingNumber } from "@/server/shop/orders/tracking-number";
import { orderLabel } from "./format-order";

/** Asks for the carrier's tracking number before an order is marked shipped. */
export function TrackingNumberDialog({
  orderNumber,
  pending,
  serverError,
  onConfirm,
  onClose,
}: {
  orderNumber: number;
  pending: boolean;
  serverError: string | null;
  onConfirm: (trackingNumber: string) => void;
  onClose: () => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const formId = `ship-${orderNumber}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = TrackingNumber.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter a tracking number.");
      return;
    }
    onConfirm(parsed.data);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Ship order ${orderLabel(orderNumber)}`}
      description="The buyer sees the tracking number on their order page as soon as you confirm."
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={pending}>
            Confirm shipment
          </Button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={onSubmit} className="space-y-3">
        {serverError ? <Alert title="Could not mark the order shipped">{serverError}</Alert> : null}
        <TextField
          label="Tracking number"
          value={value}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={TRACKING_NUMBER_LIMITS.max}
          hint={`${TRACKING_NUMBER_LIMITS.min}–${TRACKING_NUMBER_LIMITS.max} letters, digits, spaces or dashes.`}
          error={error}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
      </form>
    </Dialog>
  );
}
