"use client";

import { useState, useSyncExternalStore, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { formatMoney } from "@/components/ui/money";
import type { SimulatedSessionView } from "@/server/platform/payments/simulator/get-simulated-session-or-throw";

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "succeeds" },
  { number: "4000 0000 0000 0002", outcome: "is declined" },
  { number: "4000 0000 0000 9995", outcome: "has insufficient funds" },
] as const;

type PayResponse =
  | { outcome: "succeeded"; redirectUrl: string }
  | { outcome: "declined"; message: string }
  | { error: { code: string; message: string } };

/** Groups digits in fours as they are typed, like card forms do. */
function groupDigits(value: string): string {
  return value.replace(/\D/g, "").slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** "1234" → "12 / 34" as the expiry is typed. */
function formatExpiry(value: string): string {
  const digits = value.replace(/\D/g, "").slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}

export function SimulatedCheckout({ session }: { session: SimulatedSessionView }) {
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [card, setCard] = useState({ number: "", expiry: "", cvc: "", name: "" });
  const [state, setState] = useState<{ kind: "idle" | "paying" | "redirecting" } | { kind: "failed"; message: string; closed: boolean }>({ kind: "idle" });
  const total = formatMoney(session.amountTotal, session.currency);

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: "paying" });
    try {
      const response = await fetch(`/api/payments/simulator/sessions/${session.id}/pay`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(card),
      });
      const result = (await response.json()) as PayResponse;
      if ("error" in result) {
        setState({ kind: "failed", message: result.error.message, closed: response.status === 410 || response.status === 404 });
      } else if (result.outcome === "declined") {
        setState({ kind: "failed", message: result.message, closed: false });
      } else {
        setState({ kind: "redirecting" });
        window.location.assign(result.redirectUrl);
      }
    } catch {
      setState({ kind: "failed", message: "Could not reach the payment service. Check your connection and try again.", closed: false });
    }
  }

  if (session.status !== "open") {
    return (
      <Card>
        <CardBody className="space-y-4">
          <Alert tone={session.status === "complete" ? "success" : "warning"} title={session.status === "complete" ? "This checkout is already paid." : "This checkout session has expired."} />
          <a href={session.cancelUrl} className={buttonClasses({ variant: "secondary" })}>
            Return to the store
          </a>
        </CardBody>
      </Card>
    );
  }

  const busy = state.kind === "paying" || state.kind === "redirecting";
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_1.2fr]">
      <Card>
        <CardHeader>
          <Badge tone="warning">Test mode</Badge>
          <CardTitle>Order summary</CardTitle>
        </CardHeader>
        <CardBody>
          <ul className="divide-y divide-border text-sm">
            {session.lineItems.map((item) => (
              <li key={item.name} className="flex justify-between gap-4 py-2">
                <span className="text-fg">
                  {item.name} {item.quantity > 1 ? <span className="text-muted">× {item.quantity}</span> : null}
                </span>
                <span className="tabular-nums text-fg">{formatMoney(item.unitAmountCents * item.quantity, session.currency)}</span>
              </li>
            ))}
          </ul>
          {session.discount ? (
            <p className="flex justify-between gap-4 border-t border-border py-2 text-sm text-success" data-testid="pay-discount">
              <span>{session.discount.name}</span>
              <span className="tabular-nums">−{formatMoney(session.discount.amountCents, session.currency)}</span>
            </p>
          ) : null}
          <p className="mt-4 flex justify-between border-t border-border pt-4 text-base font-semibold text-fg">
            <span>Total due</span>
            <span className="tabular-nums">{total}</span>
          </p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Pay with card</CardTitle>
          <p className="text-sm text-muted">
            Casebook&apos;s checkout simulator stands in for Stripe Checkout here: no card is charged. Use a Stripe test card:
          </p>
          <ul className="flex flex-wrap gap-2 pt-1">
            {TEST_CARDS.map((test) => (
              <li key={test.number}>
                <button
                  type="button"
                  className={buttonClasses({ variant: "secondary", size: "sm" })}
                  onClick={() => setCard({ number: test.number, expiry: "12 / 34", cvc: "123", name: card.name })}
                >
                  {test.number.slice(-4)} {test.outcome}
                </button>
              </li>
            ))}
          </ul>
        </CardHeader>
        <CardBody>
          <form onSubmit={pay} noValidate>
            {/* Disabled until hydrated: what is typed before would be wiped by React's state. */}
            <fieldset disabled={!hydrated} className="min-w-0 space-y-4">
              {session.customerEmail ? <p className="text-sm text-muted">Receipt to {session.customerEmail}</p> : null}
              <TextField
                label="Card number"
                inputMode="numeric"
                autoComplete="cc-number"
                placeholder="1234 1234 1234 1234"
                value={card.number}
                onChange={(event) => setCard({ ...card, number: groupDigits(event.target.value) })}
                required
              />
              <div className="grid grid-cols-2 gap-4">
                <TextField
                  label="Expiry (MM / YY)"
                  inputMode="numeric"
                  autoComplete="cc-exp"
                  placeholder="MM / YY"
                  value={card.expiry}
                  onChange={(event) => setCard({ ...card, expiry: formatExpiry(event.target.value) })}
                  required
                />
                <TextField
                  label="CVC"
                  inputMode="numeric"
                  autoComplete="cc-csc"
                  placeholder="123"
                  maxLength={4}
                  value={card.cvc}
                  onChange={(event) => setCard({ ...card, cvc: event.target.value.replace(/\D/g, "") })}
                  required
                />
              </div>
              <TextField label="Name on card" autoComplete="cc-name" value={card.name} maxLength={100} onChange={(event) => setCard({ ...card, name: event.target.value })} />
              {state.kind === "failed" ? (
                <Alert title={state.message}>
                  {state.closed ? (
                    <a href={session.cancelUrl} className="underline">
                      Return to the store
                    </a>
                  ) : (
                    "Try another card, or return to the store."
                  )}
                </Alert>
              ) : null}
              {/* A declined card leaves the session open for another; an expired one can no longer be paid. */}
              <Button type="submit" size="lg" className="w-full" loading={busy} disabled={state.kind === "failed" && state.closed}>
                {state.kind === "redirecting" ? "Paid — returning to the store…" : `Pay ${total}`}
              </Button>
              <a href={session.cancelUrl} className="block text-center text-sm text-muted underline-offset-4 hover:underline">
                Cancel and return to the store
              </a>
            </fieldset>
          </form>
        </CardBody>
      </Card>
    </div>
  );
}

const subscribeToNothing = () => () => {};
