import type { Metadata } from "next";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { MySubscriptions } from "@/components/videos/my-subscriptions";
import { requireUser } from "@/server/accounts/require-user";

export const metadata: Metadata = { title: "Subscriptions" };

export default async function SubscriptionsPage() {
  await requireUser("/videos/subscriptions");
  return (
    <PageContainer>
      <PageHeader eyebrow="Video" title="Subscriptions" description="The channels you follow and their latest videos, newest first." />
      <MySubscriptions />
    </PageContainer>
  );
}
