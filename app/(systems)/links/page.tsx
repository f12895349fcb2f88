import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { BulkCreateButton } from "@/components/links/bulk-create-button";
import { LinksTable } from "@/components/links/links-table";
import { ShortenForm } from "@/components/links/shorten-form";
import { SignedOutLinks } from "@/components/links/signed-out-links";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";
import { getSessionUser } from "@/server/platform/auth";
import { userChannel } from "@/server/platform/realtime";

export const metadata: Metadata = { title: "Links" };

export default async function LinksPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader
        eyebrow="URL shortener"
        title="Links"
        description="Shorten a URL, share it as a link or QR code, and watch the clicks arrive."
        actions={
          user ? (
            <>
              <BulkCreateButton />
              <Link href="/settings/api-keys" className={buttonClasses({ variant: "secondary" })}>
                API keys
              </Link>
            </>
          ) : null
        }
      />
      {user ? (
        <div className="space-y-10">
          <ShortenForm />
          <section aria-labelledby="my-links-heading" className="space-y-4">
            <h2 id="my-links-heading" className="text-lg font-semibold text-fg">
              My links
            </h2>
            <LinksTable channel={userChannel(user.id)} />
          </section>
        </div>
      ) : (
        <SignedOutLinks anonymousLimit={{ points: env.RATE_LIMIT_API_ANONYMOUS_POINTS, windowSeconds: env.RATE_LIMIT_API_ANONYMOUS_WINDOW_SECONDS }} />
      )}
    </PageContainer>
  );
}
