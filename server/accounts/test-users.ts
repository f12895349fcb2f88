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

/** A person signed up through better-auth, with the Cookie header their browser would send from then on. */
export async function signUpWithCookie(name = "Test Person"): Promise<{ id: string; cookie: string }> {
  // Imported here, not at the top: some test kits set the environment before the auth module may read it.
  const { auth } = await import("@/server/platform/better-auth");
  const { installAccountAuthExtensions } = await import("./auth-hooks");
  installAccountAuthExtensions();
  const response = await auth.api.signUpEmail({
    body: { email: `${randomUUID()}@test.casebook.dev`, password: "correct-horse-battery", name },
    asResponse: true,
  });
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, cookie: response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ") };
}
