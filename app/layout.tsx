import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteFooter } from "@/components/shell/site-footer";
import { SiteHeader } from "@/components/shell/site-header";
import { SkipLink } from "@/components/shell/skip-link";
import { parseThemeChoice, THEME_COOKIE } from "@/components/shell/theme";
import { getSessionUser } from "@/server/platform/auth";
import { logger } from "@/server/platform/logger";
import { getClientRealtimeConfig } from "@/server/platform/realtime";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Casebook", template: "%s · Casebook" },
  description: "Six large-scale product systems, running for real.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#121a2e" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const theme = parseThemeChoice(cookieStore.get(THEME_COOKIE)?.value);
  // The header must still render when the session store is unreachable: show it signed out and let pages report.
  const user = await getSessionUser(new Headers(requestHeaders)).catch((error: unknown) => {
    logger.warn({ err: error }, "could not read the session for the header");
    return null;
  });

  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="flex min-h-dvh flex-col antialiased">
        <Providers realtimeConfig={user ? realtimeConfigFor(requestHeaders.get("host")) : undefined}>
          <SkipLink />
          <SiteHeader account={user} theme={theme} />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}

/** The realtime settings for this page's browser, resolved against the host it used to reach us. */
function realtimeConfigFor(host: string | null) {
  let requestHostname: string | undefined;
  try {
    requestHostname = host ? new URL(`http://${host}`).hostname : undefined;
  } catch {
    requestHostname = undefined; // a malformed Host header: fall back to the configured gateway host
  }
  return getClientRealtimeConfig({ requestHostname });
}
