import type { Metadata } from "next";
import { redirectIfSignedIn } from "@/server/accounts/require-user";
import { safeReturnPath } from "@/server/accounts/safe-return-path";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  await redirectIfSignedIn(returnTo);
  return <SignUpForm returnTo={returnTo} />;
}
