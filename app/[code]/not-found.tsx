import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer } from "@/components/ui/page";

export const metadata: Metadata = { title: "Short link not found", robots: { index: false } };

export default function ShortLinkNotFound() {
  return (
    <PageContainer className="flex flex-col items-center py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-accent-text">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg">This short link does not exist</h1>
      <p className="mt-3 max-w-md text-muted">
        Check the address for typos: short links are case-sensitive. It may also have been deleted, or the page you wanted has another name.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClasses()}>
          Go to the home page
        </Link>
        <Link href="/links" className={buttonClasses({ variant: "secondary" })}>
          Shorten a link
        </Link>
      </div>
    </PageContainer>
  );
}
