import type { CartLineChange } from "./cart-line-input";
import { cartFullError, chooseVariantError, onlyLeftError, perLineLimitError, productUnavailableError, quantityRangeError, soldOutError } from "./cart-errors";
import { MAX_QUANTITY_PER_LINE } from "./cart-limits";
import { lineCapFor, loadCartProducts } from "./cart-products";
import { addToCartLine, cartLineKey } from "./cart-store";
import { getCart, type CartView } from "./get-cart";

/**
 * Adds units of a product (of one variant, for a product with variants): 1–10 at a time, at most 10 per line and never more
 * than is in stock, counting what the cart already holds. The check and the
 * write are one atomic Redis step (cart-store.ts), so racing tabs cannot overshoot.
 */
export async function addToCart({ db, redis, cartId, input }: CartLineChange): Promise<CartView> {
  if (input.quantity < 1 || input.quantity > MAX_QUANTITY_PER_LINE) throw quantityRangeError(1);
  const line = { productId: input.productId, variantId: input.variantId ?? null };
  const product = (await loadCartProducts(db, [line])).get(cartLineKey(line));
  if (product?.needsVariant) throw chooseVariantError();
  if (!product?.active) throw productUnavailableError();
  if (product.available === 0) throw soldOutError();

  const result = await addToCartLine(redis, cartId, { ...line, quantity: input.quantity, cap: lineCapFor(product) });
  if (result.status === "too_many_lines") throw cartFullError();
  if (result.status === "over_cap") {
    if (result.existing + input.quantity > MAX_QUANTITY_PER_LINE) throw perLineLimitError(result.existing);
    throw onlyLeftError(product.available, result.existing);
  }
  return getCart({ db, redis, cartId });
}
