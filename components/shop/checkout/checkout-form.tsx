"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { useFocusFirstInvalid } from "@/components/ui/use-focus-first-invalid";
import { Skeleton } from "@/components/ui/skeleton";
import { OrderTotalsSkeleton } from "@/components/shop/order-totals";
import { ADDRESS_LIMITS, BuyerEmail, ShippingAddress, type ShippingAddress as SavedAddress } from "@/server/shop/checkout/shipping-address";
import { CartIcon } from "../cart/cart-icon";
import { useCart } from "../cart/use-cart";
import { CheckoutSummary } from "./checkout-summary";
import { DiscountCodeField } from "./discount-code-field";
import { ShippingAddressFields, type AddressField, type AddressValues } from "./shipping-address-fields";
import { LoadError } from "@/components/ui/load-error";

type FormErrors = Partial<Record<AddressField | "email", string>>;
type Problem = { message: string; backToCart: boolean };

const EMPTY_ADDRESS: AddressValues = { name: "", line1: "", line2: "", city: "", postalCode: "", country: "US" };

/**
 * Checkout: shipping address (and email for guests) next to the cart's
 * summary. The same rules as the server check the fields first; "Continue to
 * payment" creates the order at today's prices, holds the stock and sends the
 * browser to the payment page. A signed-in buyer starts from the address of
 * their last order (`savedAddress`). A discount code and the country are
 * priced by the server's quote as they change; the order is priced again
 * when it is placed.
 */
export function CheckoutForm({ accountEmail, savedAddress }: { accountEmail: string | null; savedAddress: SavedAddress | null }) {
  const trpc = useTRPC();
  const cart = useCart();
  const [email, setEmail] = useState("");
  const [address, setAddress] = useState<AddressValues>(savedAddress ? { ...savedAddress, line2: savedAddress.line2 ?? "" } : EMPTY_ADDRESS);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();
  // The code the buyer last applied; the quote says whether it applies.
  const [codeTried, setCodeTried] = useState<string | null>(null);
  const [codeRefused, setCodeRefused] = useState<string | null>(null);
  const quote = useQuery({
    ...trpc.shop.checkout.quote.queryOptions({ discountCode: codeTried ?? undefined, country: address.country || undefined }),
    placeholderData: keepPreviousData,
    // Each quote with a code spends one of the buyer's code look-ups; the order is priced again when placed anyway.
    refetchOnWindowFocus: false,
  });
  const settledQuote = quote.isPlaceholderData ? undefined : quote.data;
  // Only a quote for the code now tried counts: a Remove must not leave the previous quote's code in the order.
  const appliedCode = codeTried !== null && quote.data?.discount?.code === codeTried ? codeTried : null;
  const discountError = codeRefused ?? (codeTried && settledQuote ? settledQuote.discountError : null);

  const start = useMutation(
    trpc.shop.checkout.start.mutationOptions({
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => {
        if (error.data?.field === "email") {
          setErrors({ email: error.message });
          focusFirstInvalid();
        } else if (error.data?.field === "discountCode") {
          // Used up or expired since it was applied: the totals drop it, the field says why.
          setCodeRefused(error.message);
          setCodeTried(null);
        } else setProblem({ message: error.message, backToCart: error.data?.appCode === "CONFLICT" || error.data?.appCode === "BAD_REQUEST" });
      },
    }),
  );
  // Stays busy after success too: the browser is on its way to the payment page.
  const busy = start.isPending || start.isSuccess;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const schema = z.object({ email: accountEmail ? BuyerEmail.optional() : BuyerEmail, shippingAddress: ShippingAddress });
    const parsed = schema.safeParse({ email: email.trim() === "" && accountEmail ? undefined : email, shippingAddress: address });
    if (!parsed.success) {
      setErrors(errorsOf(parsed.error));
      focusFirstInvalid();
      return;
    }
    setErrors({});
    start.mutate({ ...parsed.data, discountCode: appliedCode ?? undefined });
  };

  if (cart.isPending) return <CheckoutSkeleton />;
  if (cart.isError) {
    return (
      <LoadError title="Could not load your cart" message={cart.error.message} onRetry={() => void cart.refetch()} />
    );
  }
  if (cart.data.lines.length === 0 && !busy) {
    return (
      <EmptyState
        icon={<CartIcon className="size-6" />}
        title="Your cart is empty"
        description="Add something to your cart first, then come back here to check out."
        action={
          <Link href="/shop" className={buttonClasses()}>
            Browse the shop
          </Link>
        }
      />
    );
  }
  const cartProblems = cart.data.lines.some((line) => line.problem);

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
      <Card>
        <CardBody>
          <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6" aria-describedby={problem ? "checkout-problem" : undefined}>
            {problem ? (
              <div id="checkout-problem">
                <Alert title="We could not start your payment">
                  <p>{problem.message}</p>
                  {problem.backToCart ? (
                    <Link href="/shop/cart" className="mt-2 inline-block font-medium underline underline-offset-4">
                      Back to your cart
                    </Link>
                  ) : null}
                </Alert>
              </div>
            ) : null}
            <fieldset className="space-y-4" disabled={busy}>
              <legend className="mb-2 text-base font-semibold text-fg">Contact</legend>
              <TextField
                label="Email"
                type="email"
                name="email"
                autoComplete="email"
                value={email}
                placeholder={accountEmail ?? "you@example.com"}
                maxLength={ADDRESS_LIMITS.email}
                required={!accountEmail}
                hint={accountEmail ? `We'll send the receipt to ${accountEmail} unless you enter another address.` : "For your receipt and order updates."}
                error={errors.email}
                onChange={(event) => {
                  setEmail(event.target.value);
                  if (errors.email) setErrors((current) => ({ ...current, email: undefined }));
                }}
              />
              {accountEmail ? null : (
                <p className="text-sm text-muted">
                  Have an account?{" "}
                  <Link href="/sign-in?next=%2Fshop%2Fcheckout" className="font-medium text-accent-text underline-offset-4 hover:underline">
                    Sign in
                  </Link>{" "}
                  to keep your orders in one place.
                </p>
              )}
            </fieldset>
            {savedAddress ? <p className="-mb-2 text-sm text-muted">We filled in the address of your last order; change anything that is different.</p> : null}
            <ShippingAddressFields
              values={address}
              errors={errors}
              disabled={busy}
              onChange={(field, value) => {
                setAddress((current) => ({ ...current, [field]: value }));
                if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
              }}
            />
            {cartProblems ? (
              <Alert tone="warning" title="Some items in your cart need attention">
                <Link href="/shop/cart" className="font-medium underline underline-offset-4">
                  Review your cart
                </Link>{" "}
                before you continue.
              </Alert>
            ) : null}
            <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
              <Link href="/shop/cart" className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
                ← Back to cart
              </Link>
              <Button type="submit" size="lg" loading={busy} disabled={cartProblems}>
                {/* A code that covers everything leaves nothing to pay: the order completes without the payment page. */}
                {settledQuote?.totalCents === 0 ? "Place order" : "Continue to payment"}
              </Button>
            </div>
          </form>
        </CardBody>
      </Card>
      <div className="lg:sticky lg:top-24">
        <CheckoutSummary
          cart={cart.data}
          quote={quote.data}
          quoteError={quote.isError ? quote.error.message : null}
          discountField={
            <DiscountCodeField
              applied={appliedCode}
              error={discountError}
              checking={quote.isFetching && codeTried !== null && !appliedCode}
              disabled={busy}
              onApply={(code) => {
                setCodeRefused(null);
                setCodeTried(code);
              }}
              onRemove={() => {
                setCodeRefused(null);
                setCodeTried(null);
              }}
            />
          }
        />
      </div>
    </div>
  );
}

function errorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const [first, second] = issue.path;
    const field = first === "email" ? "email" : first === "shippingAddress" && typeof second === "string" ? (second as AddressField) : null;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function CheckoutSkeleton() {
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]" role="status" aria-busy="true" aria-label="Loading checkout">
      <Card>
        <CardBody className="space-y-5">
          {[0, 1, 2, 3, 4].map((row) => (
            <div key={row} className="space-y-2">
              <Skeleton className="h-4 w-28" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
        </CardBody>
      </Card>
      <OrderTotalsSkeleton />
    </div>
  );
}
