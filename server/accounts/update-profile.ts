import { z } from "zod";
import { AppError } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/platform/db";
import type { Profile } from "./get-profile-or-throw";
import { DisplayNameSchema, UsernameSchema } from "./username";

export const UpdateProfileInput = z.object({
  name: DisplayNameSchema,
  // Kept as typed (for displayUsername) but checked against the canonical rules.
  username: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      for (const issue of UsernameSchema.safeParse(value).error?.issues ?? []) {
        ctx.addIssue({ code: "custom", message: issue.message });
      }
    }),
});
export type UpdateProfileInput = z.input<typeof UpdateProfileInput>;

/**
 * Changes the display name and the username. The unique index on
 * user.username is the judge of "taken": checking first would race with a
 * concurrent rename, so the insert's unique violation is what we report.
 */
export async function updateProfile({
  db,
  userId,
  name,
  username,
}: {
  db: Db;
  userId: string;
  name: string;
  username: string;
}): Promise<Profile> {
  const parsedName = DisplayNameSchema.safeParse(name);
  if (!parsedName.success) {
    throw new AppError("BAD_REQUEST", parsedName.error.issues[0]?.message ?? "Enter a display name.", { field: "name" });
  }
  const parsedUsername = UsernameSchema.safeParse(username);
  if (!parsedUsername.success) {
    throw new AppError("BAD_REQUEST", parsedUsername.error.issues[0]?.message ?? "This username is not valid.", {
      field: "username",
    });
  }
  try {
    return await db.user.update({
      where: { id: userId },
      // displayUsername keeps the casing the person typed ("Alice_B"); username is its canonical form.
      data: { name: parsedName.data, username: parsedUsername.data, displayUsername: username.trim() },
      select: { id: true, name: true, email: true, username: true, displayUsername: true, image: true, role: true, emailVerified: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "That username is taken.", { field: "username" });
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      throw new AppError("NOT_FOUND", "This account no longer exists.");
    }
    throw error;
  }
}
