import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer } from "@/components/ui/page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <PageContainer className="flex flex-col items-center py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-accent-text">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg">We couldn&apos;t find that page</h1>
      <p className="mt-3 max-w-md text-muted">The link may be mistyped, or the page may have moved. Try the home page or one of the systems.</p>
      <div className="mt-8 flex gap-3">
        <Link href="/" className={buttonClasses()}>
          Go to the home page
        </Link>
      </div>
    </PageContainer>
  );
}
