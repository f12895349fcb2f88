import type { CartLineChange } from "./cart-line-input";
import { cartFullError, onlyLeftError, productUnavailableError, quantityRangeError, soldOutError } from "./cart-errors";
import { MAX_QUANTITY_PER_LINE } from "./cart-limits";
import { loadCartProducts } from "./cart-products";
import { cartLineKey, removeCartLine, setCartLine } from "./cart-store";
import { getCart, type CartView } from "./get-cart";

/** Sets a line to an exact quantity (0 removes it), within the per-line limit and the stock. */
export async function setCartQuantity({ db, redis, cartId, input }: CartLineChange): Promise<CartView> {
  if (input.quantity < 0 || input.quantity > MAX_QUANTITY_PER_LINE) throw quantityRangeError(0);
  const line = { productId: input.productId, variantId: input.variantId ?? null };
  if (input.quantity === 0) {
    await removeCartLine(redis, cartId, line);
    return getCart({ db, redis, cartId });
  }
  const product = (await loadCartProducts(db, [line])).get(cartLineKey(line));
  if (!product?.active) throw productUnavailableError();
  if (product.available === 0) throw soldOutError();
  if (input.quantity > product.available) throw onlyLeftError(product.available);
  if (!(await setCartLine(redis, cartId, { ...line, quantity: input.quantity }))) throw cartFullError();
  return getCart({ db, redis, cartId });
}
