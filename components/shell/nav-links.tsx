"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { SystemIcon } from "./system-icon";
import { SYSTEMS } from "./systems";

function useActiveHref(): (href: string) => boolean {
  const pathname = usePathname();
  return (href) => pathname === href || pathname.startsWith(`${href}/`);
}

/** The six systems as a horizontal nav (md and up). */
export function DesktopNav() {
  const isActive = useActiveHref();
  return (
    <nav aria-label="Systems" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {SYSTEMS.map((system) => (
          <li key={system.slug}>
            <Link
              href={system.href}
              aria-current={isActive(system.href) ? "page" : undefined}
              className={cn(
                "rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                isActive(system.href) ? "bg-accent-soft text-accent-text" : "text-muted hover:bg-surface-2 hover:text-fg",
              )}
            >
              {system.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Phones: a menu button that opens the same links (plus sign-in links when signed out) under the header. */
export function MobileNav({ signedIn }: { signedIn: boolean }) {
  const [open, setOpen] = useState(false);
  const isActive = useActiveHref();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        aria-label={open ? "Close menu" : "Open menu"}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex size-10 items-center justify-center rounded-lg text-fg hover:bg-surface-2"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
      </button>
      <div
        id="mobile-nav"
        hidden={!open}
        className="absolute inset-x-0 top-full border-b border-border bg-surface px-4 pb-4 pt-2 shadow-lg"
      >
        <nav aria-label="Systems">
          <ul className="grid grid-cols-2 gap-1">
            {SYSTEMS.map((system) => (
              <li key={system.slug}>
                <Link
                  href={system.href}
                  onClick={() => setOpen(false)}
                  aria-current={isActive(system.href) ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2 rounded-lg px-3 py-3 text-sm font-medium",
                    isActive(system.href) ? "bg-accent-soft text-accent-text" : "text-fg hover:bg-surface-2",
                  )}
                >
                  <SystemIcon slug={system.slug} className="size-5 text-muted" />
                  {system.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {signedIn ? null : (
          <div className="mt-3 grid grid-cols-2 gap-2 border-t border-border pt-3">
            <Link href="/sign-in" onClick={() => setOpen(false)} className="rounded-lg border border-border px-3 py-2.5 text-center text-sm font-medium hover:bg-surface-2">
              Sign in
            </Link>
            <Link href="/sign-up" onClick={() => setOpen(false)} className="rounded-lg bg-accent px-3 py-2.5 text-center text-sm font-medium text-accent-fg hover:bg-accent-hover">
              Sign up
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
