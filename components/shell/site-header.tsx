import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { CartHeaderLink } from "@/components/shop/cart/cart-header-link";
import { buttonClasses } from "@/components/ui/button";
import { AccountMenu, type AccountSummary } from "./account-menu";
import { DesktopNav, MobileNav } from "./nav-links";
import type { ThemeChoice } from "./theme";
import { ThemeToggle } from "./theme-toggle";

/** Brand, the six systems, notifications, theme and the account; collapses to a menu button on phones. */
export function SiteHeader({ account, theme }: { account: AccountSummary | null; theme: ThemeChoice }) {
  return (
    <header className="sticky top-0 z-40 border-b border-border bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
      {/* On a 360 px phone the menu button, the mark and five header buttons fill the row: the word mark and the
          nav's spacer show from sm/md up, so the page never scrolls sideways (e2e/phone-layout.spec.ts). */}
      <div className="relative mx-auto flex h-16 max-w-6xl items-center gap-2 px-3 sm:gap-3 sm:px-6">
        <MobileNav signedIn={account !== null} />
        <Link href="/" className="flex items-center gap-2 rounded-lg px-1 text-fg" aria-label="Casebook home">
          <BrandMark />
          <span className="hidden text-base font-semibold tracking-tight sm:inline">Casebook</span>
        </Link>
        <div className="ml-4 hidden flex-1 md:block">
          <DesktopNav />
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-0.5 sm:gap-1">
          <CartHeaderLink sessionKey={account?.email ?? null} />
          <ThemeToggle initialChoice={theme} />
          {account ? (
            <>
              <NotificationBell />
              <AccountMenu account={account} />
            </>
          ) : (
            <div className="hidden items-center gap-2 sm:flex">
              <Link href="/sign-in" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                Sign in
              </Link>
              <Link href="/sign-up" className={buttonClasses({ size: "sm" })}>
                Sign up
              </Link>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}

function BrandMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <path d="M9 10.5A2.5 2.5 0 0 1 11.5 8H21v16h-9.5A2.5 2.5 0 0 1 9 21.5v-11Z" fill="none" stroke="white" strokeWidth="2" />
      <path d="M13 12.5h5M13 16h5" stroke="white" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
