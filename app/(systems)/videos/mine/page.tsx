import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { MyVideos } from "@/components/videos/my-videos";
import { requireUser } from "@/server/accounts/require-user";

export const metadata: Metadata = { title: "My videos" };

export default async function MyVideosPage() {
  await requireUser("/videos/mine");
  return (
    <PageContainer>
      <PageHeader
        eyebrow="Video"
        title="My videos"
        description="Everything you uploaded, whatever its state."
        actions={
          <Link href="/videos/upload" className={buttonClasses()}>
            Upload
          </Link>
        }
      />
      <MyVideos />
    </PageContainer>
  );
}
