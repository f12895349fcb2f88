import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { EditVideo } from "@/components/videos/edit-video";
import { requireUser } from "@/server/accounts/require-user";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Edit video" };

export default async function EditVideoPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/videos/${id}/edit`);
  return (
    <PageContainer>
      <PageHeader eyebrow="Video" title="Edit video" description="Change what viewers see: title, description, tags, who may watch, the thumbnail and captions." />
      <EditVideo id={id} limits={{ thumbnailMaxBytes: env.VIDEO_THUMBNAIL_MAX_BYTES, captionMaxBytes: env.VIDEO_CAPTION_MAX_BYTES }} />
    </PageContainer>
  );
}
