import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { PersonalRows } from "@/components/videos/personal-rows";
import { SearchBox } from "@/components/videos/search-box";
import { TrendingRow } from "@/components/videos/trending-row";
import { VideoGrid } from "@/components/videos/video-grid";
import { getSessionUser } from "@/server/platform/auth";

export const metadata: Metadata = { title: "Videos" };

export default async function VideosPage() {
  const user = await getSessionUser(new Headers(await headers()));
  return (
    <PageContainer>
      <PageHeader
        title="Video"
        description="The latest public videos: uploaded, transcoded into an adaptive HLS ladder, and played with hls.js."
        actions={
          <>
            {user ? (
              <>
                <Link href="/videos/subscriptions" className={buttonClasses({ variant: "ghost" })}>
                  Subscriptions
                </Link>
                <Link href="/videos/history" className={buttonClasses({ variant: "ghost" })}>
                  History
                </Link>
              </>
            ) : null}
            {user?.role === "admin" ? (
              <Link href="/videos/admin/reports" className={buttonClasses({ variant: "ghost" })}>
                Reported comments
              </Link>
            ) : null}
            <Link href="/videos/mine" className={buttonClasses({ variant: "secondary" })}>
              My videos
            </Link>
            <Link href="/videos/upload" className={buttonClasses()}>
              Upload
            </Link>
          </>
        }
      />
      <div className="space-y-10">
        <SearchBox />
        {user ? <PersonalRows /> : null}
        <TrendingRow />
        <section className="space-y-3" aria-label="Latest">
          <h2 className="text-lg font-semibold text-fg">Latest</h2>
          <VideoGrid />
        </section>
      </div>
    </PageContainer>
  );
}
