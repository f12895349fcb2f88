import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export async function getCategoryIdOrThrow(db: Db, slug: string): Promise<string> {
  const category = await db.productCategory.findUnique({ where: { slug }, select: { id: true } });
  if (!category) throw new AppError("BAD_REQUEST", "Choose one of the shop's categories.", { field: "categorySlug" });
  return category.id;
}
