import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SignInPrompt } from "@/components/auth/sign-in-prompt";
import { ChatShell } from "@/components/chat/chat-shell";
import { PageContainer, PageHeader } from "@/components/ui/page";
import { getSessionUser } from "@/server/platform/auth";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser(new Headers(await headers()));
  if (!user) {
    return (
      <PageContainer width="narrow">
        <PageHeader eyebrow="Messaging" title="Chat" description="Direct messages and groups, delivered live with read receipts." />
        <SignInPrompt title="Sign in to chat" description="Your conversations appear here once you are signed in." next="/chat" />
      </PageContainer>
    );
  }
  return <ChatShell me={{ id: user.id, name: user.name, username: user.username ?? null, image: user.image ?? null }}>{children}</ChatShell>;
}
