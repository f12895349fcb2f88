import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { VideoUploader } from "@/components/videos/video-uploader";
import { requireUser } from "@/server/accounts/require-user";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Upload a video" };

export default async function UploadVideoPage() {
  await requireUser("/videos/upload");
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Video" title="Upload a video" description="It is transcoded into every quality up to its own (240p to 1080p) and plays as soon as it is ready." />
      <VideoUploader chunkBytes={env.VIDEO_UPLOAD_CHUNK_BYTES} />
    </PageContainer>
  );
}
