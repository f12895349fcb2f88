import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ReportQueue } from "@/components/feed/report-queue";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { requireUser } from "@/server/accounts/require-user";

export const metadata: Metadata = { title: "Reported posts · Feed" };

/** Administrators only (the procedures check the role again): reported posts waiting for a decision. */
export default async function FeedReportsPage() {
  const user = await requireUser("/feed/admin/reports");
  if (user.role !== "admin") forbidden();
  return (
    <PageContainer width="narrow">
      <PageHeader eyebrow="Feed moderation" title="Reported posts" description="Posts people reported, the longest-waiting first. Remove a post for everyone, or dismiss its reports." />
      <ReportQueue />
    </PageContainer>
  );
}
