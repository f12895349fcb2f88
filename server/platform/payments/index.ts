import "server-only";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import type { PaymentGateway } from "./payments";
import { queueSimulatorEvent } from "./simulator/deliver-simulator-event";
import { createSimulatorGateway } from "./simulator/simulator-gateway";
import { createStripeGateway } from "./stripe-gateway";

export type * from "./payments";

let gateway: PaymentGateway | undefined;

/**
 * The process's payments gateway: Stripe when STRIPE_SECRET_KEY is set,
 * otherwise the simulator, whose events the worker delivers to the webhook
 * route with Stripe's retries (job "deliver-payment-event").
 */
export function getPayments(): PaymentGateway {
  gateway ??= env.STRIPE_SECRET_KEY
    ? createStripeGateway(env.STRIPE_SECRET_KEY)
    : createSimulatorGateway({ db, deliver: queueSimulatorEvent });
  return gateway;
}
