import type { Metadata } from "next";
import { SecuritySettings } from "@/components/accounts/security-settings";
import { requireUser } from "@/server/accounts/require-user";
import { PageContainer, PageHeader } from "@/components/ui/page";

export const metadata: Metadata = { title: "Password, sessions and account" };

export default async function SecuritySettingsPage() {
  const user = await requireUser("/settings/security");
  return (
    <PageContainer width="narrow">
      <PageHeader title="Password and sessions" description="Change your password, see every device where you are signed in, or delete your account." />
      <SecuritySettings confirmAs={user.username ?? user.email} />
    </PageContainer>
  );
}
