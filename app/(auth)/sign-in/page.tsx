import type { Metadata } from "next";
import { redirectIfSignedIn, safeReturnPath } from "@/server/accounts/require-user";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getDemoSignIn } from "@/server/accounts/get-demo-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  await redirectIfSignedIn(returnTo);
  return <SignInForm returnTo={returnTo} demo={getDemoSignIn()} />;
}
