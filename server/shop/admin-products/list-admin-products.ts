import { z } from "zod";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import { ADMIN_PRODUCT_SELECT, toAdminProductView, type AdminProductView } from "./admin-product-view";

export const ADMIN_PAGE_SIZE = 25;

export const ListAdminProductsInput = z.object({
  /** Name, brand or slug contains this (case-insensitive). */
  search: z.string().trim().max(200).default(""),
  categorySlug: z.string().trim().max(80).nullish(),
  page: z.number().int().min(1).max(10_000).default(1),
});

export type AdminProductPage = { items: AdminProductView[]; total: number; page: number; pageCount: number };

/** Every product, hidden ones included, most recently edited first. */
export async function listAdminProducts({ db, input }: { db: Db; input: z.output<typeof ListAdminProductsInput> }): Promise<AdminProductPage> {
  const where: Prisma.ProductWhereInput = {};
  if (input.search) {
    const contains = { contains: input.search, mode: "insensitive" as const };
    where.OR = [{ name: contains }, { brand: contains }, { slug: contains }];
  }
  if (input.categorySlug) where.category = { slug: input.categorySlug };
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: ADMIN_PRODUCT_SELECT,
    }),
    db.product.count({ where }),
  ]);
  return { items: rows.map(toAdminProductView), total, page: input.page, pageCount: Math.ceil(total / ADMIN_PAGE_SIZE) };
}
