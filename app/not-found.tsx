import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage
      label="404"
      title="We couldn't find that page"
      actions={
        <Link href="/" className={buttonClasses()}>
          Go to the home page
        </Link>
      }
    >
      The link may be mistyped, or the page may have moved. Try the home page or one of the systems.
    </StatusPage>
  );
}
