"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/page";

/** Any unexpected failure below the header: a plain message and a retry, never a stack trace. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StatusPage
      label="Something went wrong"
      tone="danger"
      title="This page failed to load"
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Link href="/" className={buttonClasses({ variant: "secondary" })}>
            Go to the home page
          </Link>
        </>
      }
    >
      <p>It may be a brief hiccup on our side. Try again, and if it keeps happening, come back in a few minutes.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
    </StatusPage>
  );
}
