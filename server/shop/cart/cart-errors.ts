import { AppError } from "@/server/errors";
import { MAX_CART_LINES, MAX_QUANTITY_PER_LINE } from "./cart-limits";

/** The cart's refusals, worded once so add and set-quantity say the same thing. */
export function productUnavailableError(): AppError {
  return new AppError("NOT_FOUND", "This product is no longer available.");
}

export function soldOutError(): AppError {
  return new AppError("CONFLICT", "This product is sold out.", { field: "quantity", available: 0 });
}

export function onlyLeftError(available: number, inCart = 0): AppError {
  const already = inCart > 0 ? `, and you already have ${inCart} in your cart` : "";
  return new AppError("CONFLICT", `Only ${available} left${already}.`, { field: "quantity", available });
}

export function perLineLimitError(inCart: number): AppError {
  return new AppError(
    "BAD_REQUEST",
    `You can have at most ${MAX_QUANTITY_PER_LINE} of one item in your cart (you already have ${inCart}).`,
    { field: "quantity" },
  );
}

export function cartFullError(): AppError {
  return new AppError("BAD_REQUEST", `Your cart can hold at most ${MAX_CART_LINES} different items. Remove one to add this.`);
}

export function quantityRangeError(min: number): AppError {
  return new AppError("BAD_REQUEST", `Choose a quantity from ${min} to ${MAX_QUANTITY_PER_LINE}.`, { field: "quantity" });
}

export function chooseVariantError(): AppError {
  return new AppError("BAD_REQUEST", "Choose an option (such as size or colour) first.", { field: "variant" });
}
