import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer } from "@/components/ui/page";

export const metadata: Metadata = { title: "Not allowed" };

/** What forbidden() renders, with status 403: the page exists, but not for this account. */
export default function Forbidden() {
  return (
    <PageContainer className="flex flex-col items-center py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-accent-text">403</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg">This page is not for your account</h1>
      <p className="mt-3 max-w-md text-muted">It is reserved for administrators. Sign in with an administrator account to see it.</p>
      <div className="mt-8 flex gap-3">
        <Link href="/" className={buttonClasses()}>
          Go to the home page
        </Link>
      </div>
    </PageContainer>
  );
}
