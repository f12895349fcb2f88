import { randomInt, randomUUID } from "node:crypto";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { CART_COOKIE } from "./cart-id";

/** Fixtures for the cart tests (real Postgres and Redis from Vitest's global setup). */

export async function createCartProduct({ onHand = 20, priceCents = 1_250, active = true } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const category = await db.productCategory.upsert({
    where: { slug: "cart-test" },
    update: {},
    create: { slug: "cart-test", name: "Cart test" },
  });
  return db.product.create({
    data: {
      slug: `cart-${suffix}`,
      name: `Cart product ${suffix}`,
      description: "A product made by a cart test.",
      brand: "Cartco",
      categoryId: category.id,
      priceCents,
      onHand,
      active,
      images: [`/shop/test/${suffix}.svg`],
    },
  });
}

export function testUser(): SessionUser {
  const id = randomUUID();
  return { id, name: "Cart Shopper", email: `${id}@cart.test.casebook.dev`, username: null, image: null, role: "user" };
}

/**
 * A browser as the cart sees it: its own client IP (as server/web/main.ts
 * reports the socket peer), a cookie jar that follows the Set-Cookie headers
 * each call answers with, and an optional signed-in user.
 */
export function cartBrowser({ guestCookie: initialCookie = null }: { guestCookie?: string | null } = {}) {
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  let guestCookie = initialCookie;
  let user: SessionUser | null = null;
  const setCookies: string[] = [];

  function caller() {
    const resHeaders = new Headers();
    const headers = new Headers({ "x-forwarded-for": ip, ...(guestCookie ? { cookie: `${CART_COOKIE}=${guestCookie}` } : {}) });
    const call = createCallerFactory(appRouter)({ db, redis, headers, user, resHeaders });
    return { call, resHeaders };
  }

  async function run<T>(action: (call: ReturnType<typeof caller>["call"]) => Promise<T>): Promise<T> {
    const { call, resHeaders } = caller();
    try {
      return await action(call);
    } finally {
      for (const header of resHeaders.getSetCookie()) {
        setCookies.push(header);
        const value = /^cb_cart=([^;]*)/.exec(header)?.[1] ?? "";
        guestCookie = /Max-Age=0\b/.test(header) || value === "" ? null : value;
      }
    }
  }

  return {
    ip,
    run,
    signIn: (who: SessionUser) => {
      user = who;
    },
    get guestCookie() {
      return guestCookie;
    },
    setCookies,
  };
}
