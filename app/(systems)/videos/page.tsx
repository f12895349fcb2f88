import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { VideoGrid } from "@/components/videos/video-grid";

export const metadata: Metadata = { title: "Videos" };

export default function VideosPage() {
  return (
    <PageContainer>
      <PageHeader
        title="Video"
        description="The latest public videos: uploaded, transcoded into an adaptive HLS ladder, and played with hls.js."
        actions={
          <>
            <Link href="/videos/mine" className={buttonClasses({ variant: "secondary" })}>
              My videos
            </Link>
            <Link href="/videos/upload" className={buttonClasses()}>
              Upload
            </Link>
          </>
        }
      />
      <VideoGrid />
    </PageContainer>
  );
}
