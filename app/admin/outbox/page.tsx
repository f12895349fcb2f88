import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { MailOutboxTable } from "@/components/accounts/mail-outbox-table";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { requireUser } from "@/server/accounts/require-user";
import { appUrl, env } from "@/server/env";
import { db } from "@/server/platform/db";
import { readOutbox } from "@/server/platform/mail";

export const metadata: Metadata = { title: "Mail outbox" };

/** What the app would have mailed, while no SMTP server is configured. Administrators only: reset links are in there. */
export default async function MailOutboxPage() {
  const user = await requireUser("/admin/outbox");
  if (user.role !== "admin") forbidden();
  const messages = await readOutbox(db, { limit: 200 });
  return (
    <PageContainer>
      <PageHeader
        title="Mail outbox"
        description={
          env.SMTP_URL
            ? "An SMTP server is configured, so new mail goes out through it; older mail kept here is shown below."
            : "No SMTP server is configured (SMTP_URL), so the app keeps its mail here instead of sending it. Newest first, the last 200."
        }
      />
      <MailOutboxTable messages={messages} ownOrigin={new URL(appUrl).origin} />
    </PageContainer>
  );
}
