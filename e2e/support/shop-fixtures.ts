import { randomUUID } from "node:crypto";
import pg from "pg";
import { optionColumnsOf } from "../../server/shop/catalog/option-keys";

/**
 * Shop test data made straight in the end-to-end stack's database
 * (CASEBOOK_DATABASE_URL), so each spec owns its products: no spec depends on
 * the demo catalog's stock or disturbs another's.
 */
export type TestProduct = { id: string; slug: string; name: string };

export async function withShopDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.CASEBOOK_DATABASE_URL;
  if (!databaseUrl) throw new Error("CASEBOOK_DATABASE_URL is not set: run through `npm test -- --only=e2e`");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A product named `<name> <random tag>` in an "E2E" category; `brand` defaults to "Testbrand". */
export async function createTestProduct({
  name,
  priceCents,
  onHand,
  brand = "Testbrand",
  image = "/shop/images/actioncam-4k-1.svg",
}: {
  name: string;
  priceCents: number;
  onHand: number;
  brand?: string;
  image?: string;
}): Promise<TestProduct> {
  const tag = randomUUID().slice(0, 8);
  const product = { id: `e2e-${tag}`, slug: `e2e-${tag}`, name: `${name} ${tag}` };
  await withShopDatabase(async (client) => {
    const category = await client.query<{ id: string }>(
      `INSERT INTO shop_category (id, slug, name) VALUES ('e2e', 'e2e', 'E2E')
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    await client.query(
      `INSERT INTO shop_product (id, slug, name, description, brand, "categoryId", "priceCents", images, "onHand", "updatedAt")
       VALUES ($1, $2, $3, 'Made by an end-to-end test.', $4, $5, $6, $7, $8, now())`,
      [product.id, product.slug, product.name, brand, category.rows[0]?.id, priceCents, [image], onHand],
    );
  });
  return product;
}

export async function setStock(productId: string, onHand: number): Promise<void> {
  await withShopDatabase((client) => client.query(`UPDATE shop_product SET "onHand" = $2, "updatedAt" = now() WHERE id = $1`, [productId, onHand]));
}

export async function readStock(productId: string): Promise<{ onHand: number; reserved: number }> {
  return withShopDatabase(async (client) => {
    const result = await client.query<{ onHand: number; reserved: number }>(`SELECT "onHand", reserved FROM shop_product WHERE id = $1`, [productId]);
    const row = result.rows[0];
    if (!row) throw new Error(`No product ${productId}`);
    return row;
  });
}

/** A delivered order of one `product` for the account with `email`: what lets a person review it. Answers the order's id. */
export async function createDeliveredOrder(
  email: string,
  product: TestProduct,
  priceCents: number,
  { trackingNumber = null, shippingAddress = {} }: { trackingNumber?: string | null; shippingAddress?: Record<string, string> } = {},
): Promise<string> {
  return withShopDatabase(async (client) => {
    const orderId = `e2e-order-${randomUUID().slice(0, 8)}`;
    await client.query(
      `INSERT INTO shop_order (id, "userId", email, status, currency, "subtotalCents", "shippingCents", "totalCents", "shippingAddress", "trackingNumber", "updatedAt")
       SELECT $1, id, email, 'delivered', 'usd', $2, 0, $2, $5::jsonb, $4, now() FROM "user" WHERE email = $3`,
      [orderId, priceCents, email, trackingNumber, JSON.stringify(shippingAddress)],
    );
    await client.query(
      `INSERT INTO shop_order_item (id, "orderId", "productId", "productName", "productSlug", "unitPriceCents", quantity) VALUES ($1, $2, $3, $4, $5, $6, 1)`,
      [`${orderId}-item`, orderId, product.id, product.name, product.slug, priceCents],
    );
    return orderId;
  });
}

/** How many webhook events of `type` the app has handled: lets a spec wait for an event whose effect is that nothing changes. */
export async function countHandledWebhookEvents(type: string): Promise<number> {
  return withShopDatabase(async (client) => {
    const result = await client.query<{ count: string }>(`SELECT count(*) FROM payment_webhook_event WHERE type = $1`, [type]);
    return Number(result.rows[0]?.count ?? 0);
  });
}

/** A discount code owned by one spec: `<prefix><random tag>`, upper-case, as staff would create it. Answers the code. */
export async function createTestDiscountCode({
  prefix,
  kind,
  value,
  usageLimit = null,
  timesUsed = 0,
  expiresAt = null,
}: {
  prefix: string;
  kind: "percent" | "amount";
  value: number;
  usageLimit?: number | null;
  timesUsed?: number;
  expiresAt?: Date | null;
}): Promise<string> {
  const code = `${prefix}${randomUUID().slice(0, 6)}`.toUpperCase();
  await withShopDatabase((client) =>
    client.query(
      `INSERT INTO shop_discount_code (id, code, kind, value, "usageLimit", "timesUsed", "expiresAt") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [`e2e-${code.toLowerCase()}`, code, kind, value, usageLimit, timesUsed, expiresAt],
    ),
  );
  return code;
}

export type TestVariant = { id: string; optionValues: string[]; sku: string };

/**
 * A product sold in `options` (every combination a variant, in option order,
 * with the stock in `stock` and an optional price in `prices`), its own
 * counters the variants' sums as the admin's variant editor leaves them.
 */
export async function createVariantProduct({
  name,
  priceCents,
  ...variants
}: { name: string; priceCents: number } & VariantSpec): Promise<TestProduct & { variants: TestVariant[] }> {
  const product = await createTestProduct({ name, priceCents, onHand: variants.stock.reduce((sum, units) => sum + units, 0) });
  return { ...product, variants: await addVariants(product, variants) };
}

type VariantSpec = { options: Array<{ name: string; values: string[] }>; stock: number[]; prices?: Array<number | null> };

/**
 * Gives an existing product its options and variants, as the admin's variant
 * editor would (server/shop/variants/set-product-variants.ts), search's option
 * columns included, so search finds it by size and colour (the product's stock
 * is left as it is).
 */
export async function addVariants(product: TestProduct, { options, stock, prices = [] }: VariantSpec): Promise<TestVariant[]> {
  const combinations = options.reduce<string[][]>((rows, option) => rows.flatMap((row) => option.values.map((value) => [...row, value])), [[]]);
  const variants = combinations.map((optionValues, index) => ({ id: `${product.id}-v${index}`, optionValues, sku: `${product.slug}-${optionValues.join("-")}`.toUpperCase() }));
  const { optionLabels, optionRanks, variantKeys } = optionColumnsOf(options, combinations);
  await withShopDatabase(async (client) => {
    await client.query(`UPDATE shop_product SET options = $2::jsonb, "optionLabels" = $3, "optionRanks" = $4 WHERE id = $1`, [product.id, JSON.stringify(options), optionLabels, optionRanks]);
    for (const [index, variant] of variants.entries()) {
      await client.query(
        `INSERT INTO shop_product_variant (id, "productId", "optionValues", "optionKeys", sku, "priceCents", "onHand", position, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [variant.id, product.id, variant.optionValues, variantKeys[index] ?? [], variant.sku, prices[index] ?? null, stock[index] ?? 0, index],
      );
    }
  });
  return variants;
}

export async function readVariantStock(variantId: string): Promise<{ onHand: number; reserved: number }> {
  return withShopDatabase(async (client) => {
    const result = await client.query<{ onHand: number; reserved: number }>(`SELECT "onHand", reserved FROM shop_product_variant WHERE id = $1`, [variantId]);
    const row = result.rows[0];
    if (!row) throw new Error(`No variant ${variantId}`);
    return row;
  });
}
