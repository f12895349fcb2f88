import type { Metadata } from "next";
import { redirectIfSignedIn, safeReturnPath } from "@/server/accounts/require-user";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  await redirectIfSignedIn(returnTo);
  return <SignUpForm returnTo={returnTo} />;
}
