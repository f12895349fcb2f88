import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";

export type Profile = {
  id: string;
  name: string;
  email: string;
  username: string | null;
  displayUsername: string | null;
  image: string | null;
  role: "user" | "admin" | "driver";
  emailVerified: boolean;
};

export async function getProfileOrThrow({ db, userId }: { db: Db; userId: string }): Promise<Profile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, username: true, displayUsername: true, image: true, role: true, emailVerified: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "This account no longer exists.");
  return user;
}
