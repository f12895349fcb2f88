"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { PageContainer } from "@/components/ui/page";

/** Any unexpected failure below the header: a plain message and a retry, never a stack trace. */
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <PageContainer className="flex flex-col items-center py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-danger">Something went wrong</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-fg">This page failed to load</h1>
      <p className="mt-3 max-w-md text-muted">
        It may be a brief hiccup on our side. Try again, and if it keeps happening, come back in a few minutes.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
      <div className="mt-8 flex gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <Link href="/" className={buttonClasses({ variant: "secondary" })}>
          Go to the home page
        </Link>
      </div>
    </PageContainer>
  );
}
