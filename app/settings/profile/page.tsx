import type { Metadata } from "next";
import { ProfileSettings } from "@/components/accounts/profile-settings";
import { requireUser } from "@/server/accounts/require-user";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  await requireUser("/settings/profile");
  await getQueryClient().prefetchQuery(trpc.accounts.profile.queryOptions());
  return (
    <PageContainer width="narrow">
      <PageHeader title="Profile" description="How you appear across Casebook: your picture, display name and username." />
      <HydrateClient>
        <ProfileSettings avatarMaxBytes={env.AVATAR_MAX_BYTES} />
      </HydrateClient>
    </PageContainer>
  );
}
