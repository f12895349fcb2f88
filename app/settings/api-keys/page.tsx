import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { requireUser } from "@/server/accounts/require-user";
import { ApiKeysManager } from "@/components/links/api-keys-manager";
import { PublicApiHelp } from "@/components/links/public-api-help";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { requestOrigin } from "@/server/web/request-origin";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysSettingsPage() {
  await requireUser("/settings/api-keys");
  return (
    <PageContainer width="narrow">
      <PageHeader
        eyebrow={
          <Link href="/links" className="underline-offset-4 hover:underline">
            ← Links
          </Link>
        }
        title="API keys"
        description="Create links and read their stats from your own code. A key is shown once, when you create it; only its hash is stored."
      />
      <div className="space-y-8">
        <ApiKeysManager />
        <PublicApiHelp origin={requestOrigin(await headers())} />
      </div>
    </PageContainer>
  );
}
