import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { requireUser } from "@/server/accounts/require-user";
import { LinkAnalytics } from "@/components/links/link-analytics";
import { parseStatsRange } from "@/components/links/stats-range";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { shortLinkOriginFor, shortUrlFor } from "@/server/links/short-url";
import { userChannel } from "@/server/platform/realtime";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `/${code} analytics` };
}

export default async function LinkAnalyticsPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const range = parseStatsRange(query.range);
  const user = await requireUser(`/links/${encodeURIComponent(code)}?range=${range}`);
  return (
    <PageContainer>
      <PageHeader
        eyebrow={
          <Link href="/links" className="underline-offset-4 hover:underline">
            ← My links
          </Link>
        }
        title={`/${code}`}
        description="Clicks, visitors and where they came from. Bot traffic is recorded but left out."
      />
      <LinkAnalytics code={code} range={range} channel={userChannel(user.id)} shortUrl={shortUrlFor(code, shortLinkOriginFor(await headers()))} />
    </PageContainer>
  );
}
