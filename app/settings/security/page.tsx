import type { Metadata } from "next";
import { SecuritySettings } from "@/components/accounts/security-settings";
import { requireUser } from "@/server/accounts/require-user";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Password and sessions" };

export default async function SecuritySettingsPage() {
  await requireUser("/settings/security");
  return (
    <PageContainer width="narrow">
      <PageHeader title="Password and sessions" description="Change your password and see every device where you are signed in." />
      <SecuritySettings />
    </PageContainer>
  );
}
