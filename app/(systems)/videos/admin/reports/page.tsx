import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { CommentReportQueue } from "@/components/videos/comment-report-queue";
import { requireUser } from "@/server/accounts/require-user";

export const metadata: Metadata = { title: "Reported comments · Video" };

/** Administrators only (the procedures check the role again): reported comments waiting for a decision. */
export default async function VideoReportsPage() {
  const user = await requireUser("/videos/admin/reports");
  if (user.role !== "admin") forbidden();
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Video moderation" title="Reported comments" description="Comments people reported on videos, the longest-waiting first. Remove a comment for everyone, or dismiss its reports." />
      <CommentReportQueue />
    </PageContainer>
  );
}
