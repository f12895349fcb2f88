import type { Metadata } from "next";
import { requireUser } from "@/server/accounts/require-user";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireUser("/notifications");
  return (
    <PageContainer width="narrow">
      <PageHeader title="Notifications" description="Everything that happened across Casebook that concerns you." />
      <NotificationList />
    </PageContainer>
  );
}
