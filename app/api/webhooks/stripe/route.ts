import { AppError, errorBody, toAppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { logger } from "@/server/platform/logger";
import { handlePaymentWebhook } from "@/server/platform/payments/handle-payment-webhook";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { applyRidesPaymentEvent } from "@/server/rides/payments/apply-rides-payment-event";
import { RIDES_PAYMENT_KIND } from "@/server/rides/payments/pay-trip";
import { applyShopPaymentEvent } from "@/server/shop/checkout/apply-payment-event";
import { SHOP_PAYMENT_KIND } from "@/server/shop/checkout/payment-keys";

/**
 * POST /api/webhooks/stripe — Stripe's events, or the checkout simulator's in
 * the same format and signature. The raw body is verified before anything is
 * parsed; 400 for a bad or missing signature, 200 once applied (or already
 * applied, or of no interest), 500 to make the sender retry.
 */
export const dynamic = "force-dynamic";

/** Which system reacts to which payments, by the `kind` it puts in the session's metadata. */
const HANDLERS = { [SHOP_PAYMENT_KIND]: applyShopPaymentEvent, [RIDES_PAYMENT_KIND]: applyRidesPaymentEvent };

/** Stripe's events are a few KB; anything far larger is not one of them. */
const MAX_WEBHOOK_BYTES = 512 * 1024;

const log = logger.child({ module: "stripe-webhook" });

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readUploadBody(request, MAX_WEBHOOK_BYTES, () => new AppError("PAYLOAD_TOO_LARGE", "Webhook bodies are at most 512 KB."));
    // Verified byte for byte: the signature covers the exact text Stripe sent.
    const rawBody = body.toString("utf8");
    const outcome = await handlePaymentWebhook({ db, rawBody, signature: request.headers.get("stripe-signature"), handlers: HANDLERS });
    return Response.json({ received: true, ...outcome });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.httpStatus >= 500) log.error({ err: error }, "webhook event failed; the sender will retry");
    return Response.json(errorBody(appError), { status: appError.httpStatus });
  }
}
