/** Cart limits, enforced by the server (and mirrored by the cart's forms). */
export const MAX_QUANTITY_PER_LINE = 10;
export const MAX_CART_LINES = 50;
