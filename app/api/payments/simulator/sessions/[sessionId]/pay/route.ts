import { AppError, errorBody, toAppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { queueSimulatorEvent } from "@/server/platform/payments/simulator/deliver-simulator-event";
import { PayInput, paySimulatedSession } from "@/server/platform/payments/simulator/pay-simulated-session";

/**
 * POST /api/payments/simulator/sessions/{id}/pay — the checkout simulator's
 * "Pay" button (and bench:shop): `{ number, expiry, cvc, name? }` →
 * `200 { outcome: "succeeded", redirectUrl }` or `200 { outcome: "declined", code, declineCode, message }`;
 * 400 malformed body, 404 unknown session, 410 expired session.
 */
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024;

export async function POST(request: Request, { params }: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  try {
    const { sessionId } = await params;
    const body = await readUploadBody(request, MAX_BODY_BYTES, () => new AppError("PAYLOAD_TOO_LARGE", "The payment form is at most 4 KB."));
    const parsed = PayInput.safeParse(parseJson(body.toString("utf8")));
    if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? "Check the card details.");
    const result = await paySimulatedSession({
      db,
      deliver: queueSimulatorEvent,
      sessionId,
      card: parsed.data,
    });
    return Response.json(result);
  } catch (error) {
    const appError = toAppError(error);
    return Response.json(errorBody(appError), { status: appError.httpStatus });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON.");
  }
}
