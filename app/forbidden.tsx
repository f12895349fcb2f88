import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/page";

export const metadata: Metadata = { title: "Not allowed" };

/** What forbidden() renders, with status 403: the page exists, but not for this account. */
export default function Forbidden() {
  return (
    <StatusPage
      label="403"
      title="This page is not for your account"
      actions={
        <Link href="/" className={buttonClasses()}>
          Go to the home page
        </Link>
      }
    >
      It is reserved for administrators. Sign in with an administrator account to see it.
    </StatusPage>
  );
}
