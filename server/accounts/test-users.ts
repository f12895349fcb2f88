import { randomUUID } from "node:crypto";
import type { Db } from "@/server/platform/db";

/** A bare user row for tests, with a unique email and username. */
export async function createTestUser(db: Db, overrides: { username?: string; name?: string } = {}) {
  const id = randomUUID();
  const suffix = id.replaceAll("-", "").slice(0, 12);
  return db.user.create({
    data: {
      id,
      name: overrides.name ?? `Test ${suffix}`,
      email: `${suffix}@test.casebook.dev`,
      username: overrides.username ?? `t_${suffix}`,
      displayUsername: overrides.username ?? `t_${suffix}`,
    },
  });
}
