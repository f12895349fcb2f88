import { env } from "@/server/env";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts";

export type DemoSignIn = { accounts: readonly DemoAccount[]; password: string };

/** What the sign-in page offers for one-click fill; nothing unless this is the demo database. */
export function getDemoSignIn(): DemoSignIn | null {
  if (!env.DEMO_ACCOUNTS) return null;
  return { accounts: DEMO_ACCOUNTS, password: env.DEMO_PASSWORD };
}
