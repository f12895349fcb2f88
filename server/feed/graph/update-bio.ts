import { z } from "zod";
import type { Db } from "@/server/platform/db";
import { BIO_MAX_LENGTH } from "@/server/feed/posts/post-text";

export const UpdateBioInput = z.object({ bio: z.string().trim().max(BIO_MAX_LENGTH, `A bio is at most ${BIO_MAX_LENGTH} characters.`) });

/** Sets the caller's bio (plain text, shown as text); an empty one clears it. */
export async function updateBio({ db, userId, input }: { db: Db; userId: string; input: z.input<typeof UpdateBioInput> }): Promise<{ bio: string }> {
  const { bio } = UpdateBioInput.parse(input);
  await db.feedProfile.upsert({ where: { userId }, create: { userId, bio }, update: { bio } });
  return { bio };
}
