"use client";

import { useEffect } from "react";
import "./globals.css";

/** When even the root layout fails (e.g. the database is down): a self-contained page. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="en">
      <body className="flex min-h-dvh items-center justify-center bg-bg p-6 text-fg">
        <main className="max-w-md text-center">
          <p className="text-sm font-semibold text-danger">Casebook is having trouble</p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">We can&apos;t show this page right now</h1>
          <p className="mt-3 text-muted">A service Casebook depends on is not answering. Please try again in a moment.</p>
          {error.digest ? <p className="mt-2 font-mono text-xs text-muted">Reference: {error.digest}</p> : null}
          <button
            type="button"
            onClick={() => retry()}
            className="mt-8 inline-flex h-10 items-center rounded-lg bg-accent px-4 text-sm font-medium text-accent-fg hover:bg-accent-hover"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
