import type { Metadata } from "next";
import { ProfileSettings } from "@/components/accounts/profile-settings";
import { requireUser } from "@/server/accounts/require-user";
import { getQueryClient, HydrateClient, trpc } from "@/components/trpc/server";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Profile settings" };

/** Also where the email confirmation link lands: better-auth adds `?error=…` when the link was invalid or expired. */
export default async function ProfileSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { error } = await searchParams;
  await requireUser("/settings/profile");
  await getQueryClient().prefetchQuery(trpc.accounts.profile.queryOptions());
  return (
    <PageContainer width="narrow">
      <PageHeader title="Profile" description="Your email, and how you appear across Casebook: your picture, display name and username." />
      <HydrateClient>
        <ProfileSettings avatarMaxBytes={env.AVATAR_MAX_BYTES} verificationLinkError={error !== undefined} />
      </HydrateClient>
    </PageContainer>
  );
}
