import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/page";

export const metadata: Metadata = { title: "Short link not found", robots: { index: false } };

export default function ShortLinkNotFound() {
  return (
    <StatusPage
      label="404"
      title="This short link does not exist"
      actions={
        <>
          <Link href="/" className={buttonClasses()}>
            Go to the home page
          </Link>
          <Link href="/links" className={buttonClasses({ variant: "secondary" })}>
            Shorten a link
          </Link>
        </>
      }
    >
      Check the address for typos: short links are case-sensitive. It may also have been deleted, or the page you wanted has another name.
    </StatusPage>
  );
}
