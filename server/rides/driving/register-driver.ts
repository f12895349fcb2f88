import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { isUniqueViolation } from "@/server/platform/db-errors";
import { AppError } from "@/server/errors";

const Text = z.string().trim().min(1).max(40);
export const RegisterDriverInput = z.object({ carMake: Text, carModel: Text, carColor: Text, plate: z.string().trim().min(2).max(12).toUpperCase() });

/** Anyone may sign up to drive with their car's details; their rating starts at 5.0. */
export async function registerDriver({ db, userId, input }: { db: Db; userId: string; input: z.infer<typeof RegisterDriverInput> }): Promise<{ registered: true }> {
  try {
    await db.$transaction([db.driverProfile.create({ data: { userId, ...input } }), db.user.updateMany({ where: { id: userId, role: "user" }, data: { role: "driver" } })]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "You are already registered as a driver.");
    throw error;
  }
  return { registered: true };
}
