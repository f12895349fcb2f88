import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/server/platform/auth";

/** For pages that need a signed-in person: sends everyone else to sign in, then back here. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser(new Headers(await headers()));
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For sign-in/sign-up: a signed-in visitor goes straight on. */
export async function redirectIfSignedIn(to: string): Promise<void> {
  const user = await getSessionUser(new Headers(await headers()));
  if (user) redirect(to);
}
