import type { Metadata } from "next";
import { redirectIfSignedIn } from "@/server/accounts/require-user";
import { safeReturnPath } from "@/server/accounts/safe-return-path";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getDemoSignIn } from "@/server/accounts/get-demo-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  await redirectIfSignedIn(returnTo);
  return <SignInForm returnTo={returnTo} demo={getDemoSignIn()} />;
}
