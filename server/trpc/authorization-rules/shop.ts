import { randomUUID } from "node:crypto";
import type { RouteRequest } from "../authorization-kit";
import { STAFF, USER, type Kit, type Rule } from "./rule";

// Shop: the catalog is public, carts are the caller's own, orders and reviews their owner's.

/** An order of A's, still unpaid (created), with no payment session. */
async function orderOfA(kit: Kit): Promise<string> {
  const order = await kit.db.order.create({
    data: {
      userId: kit.a.id,
      email: "a@test.casebook.dev",
      currency: "usd",
      subtotalCents: 1_000,
      shippingCents: 0,
      totalCents: 1_000,
      shippingAddress: { name: "A", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
    },
  });
  return order.id;
}

/** A product A bought and received, so A may review it. */
async function productDeliveredToA(kit: Kit): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const category = await kit.db.productCategory.upsert({ where: { slug: "authz-test" }, update: {}, create: { slug: "authz-test", name: "Authorization test" } });
  const product = await kit.db.product.create({
    data: { slug: `authz-${suffix}`, name: `Product ${suffix}`, description: "Made by the authorization suite.", brand: "Testco", categoryId: category.id, priceCents: 1_000, onHand: 5 },
  });
  await kit.db.order.create({
    data: {
      userId: kit.a.id,
      email: "a@test.casebook.dev",
      status: "delivered",
      currency: "usd",
      subtotalCents: 1_000,
      shippingCents: 0,
      totalCents: 1_000,
      shippingAddress: { name: "A", line1: "1 Test Street", city: "Testville", postalCode: "12345", country: "US" },
      items: { create: [{ productId: product.id, productName: product.name, productSlug: product.slug, unitPriceCents: 1_000, quantity: 1 }] },
    },
  });
  return product.id;
}

async function reviewOfA(kit: Kit): Promise<string> {
  return (await kit.make<{ id: string }>("shop.reviews.create", { productId: await productDeliveredToA(kit), rating: 5, body: "Good." }, kit.a)).id;
}

export const procedures: Record<string, Rule<unknown>> = {
  "shop.catalog.home": { access: "public", why: "the catalog is open to everyone" },
  "shop.catalog.search": { access: "public", why: "the catalog is open to everyone" },
  "shop.catalog.product": { access: "public", why: "the catalog is open to everyone; hidden products answer NOT_FOUND" },
  "shop.reviews.list": { access: "public", why: "reviews are public" },
  "shop.reviews.summary": { access: "public", why: "ratings are public" },
  "shop.reviews.eligibility": { access: "public", why: "answers `sign_in` to a guest; reads only the caller's own orders" },
  "shop.reviews.create": { access: "user", request: async (kit) => ({ productId: await productDeliveredToA(kit), rating: 5, body: "Good." }) },
  "shop.reviews.update": { access: "owner", request: async (kit) => ({ reviewId: await reviewOfA(kit), rating: 4, body: "Edited." }) },
  "shop.reviews.delete": { access: "owner", request: async (kit) => ({ reviewId: await reviewOfA(kit) }) },
  "shop.cart.get": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.add": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.setQuantity": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.cart.remove": { access: "public", why: "the caller's own cart (session or guest cookie); takes no cart id" },
  // Someone else's order is NOT_FOUND, as in shop.orders.get; a guest holds the link's token.
  "shop.cart.buyAgain": { access: "owner", request: async (kit) => ({ orderId: await orderOfA(kit) }), signedOut: 404 },
  "shop.checkout.start": { access: "public", why: "guests check out with an email; it orders the caller's own cart" },
  "shop.checkout.quote": { access: "public", why: "prices the caller's own cart (session or guest cookie); takes no cart id" },
  "shop.orders.list": USER,
  // A guest opens their order with the token from its link, so signed out is NOT_FOUND rather than 401.
  "shop.orders.get": { access: "owner", request: async (kit) => ({ orderId: await orderOfA(kit) }), signedOut: 404 },
  "shop.orders.cancel": { access: "owner", request: async (kit) => ({ orderId: await orderOfA(kit) }), signedOut: 404 },
  "shop.adminOrders.list": STAFF,
  "shop.adminOrders.advance": STAFF,
  "shop.adminProducts.list": STAFF,
  "shop.adminProducts.create": STAFF,
  "shop.adminProducts.update": STAFF,
  "shop.adminProducts.setStock": STAFF,
  "shop.adminProducts.setVariants": STAFF,
  "shop.adminDiscounts.list": STAFF,
  "shop.adminDiscounts.create": STAFF,
};

export const routes: Record<string, Rule<RouteRequest>> = {
  "POST /api/shop/product-images": { access: "admin", request: () => ({ path: "/api/shop/product-images", headers: { "content-type": "image/png" } }) },
};
