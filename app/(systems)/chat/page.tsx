import type { Metadata } from "next";
import { redirect } from "next/navigation";

export const metadata: Metadata = { title: "Chat" };

/**
 * /chat: the sidebar is the page on phones; wide screens show this beside it.
 * Bell entries stored before 2026-12-07 lead to /chat?conversation=<id>&seq=N: they go to the conversation.
 */
export default async function ChatPage({ searchParams }: { searchParams: Promise<{ conversation?: string; seq?: string }> }) {
  const { conversation, seq } = await searchParams;
  if (conversation && /^[0-9a-f-]{36}$/i.test(conversation)) {
    redirect(`/chat/${conversation}${seq && /^\d{1,10}$/.test(seq) ? `?seq=${seq}` : ""}`);
  }
  return (
    <div className="hidden flex-1 items-center justify-center p-8 text-center md:flex">
      <div className="space-y-1">
        <p className="text-base font-semibold text-fg">Select a conversation</p>
        <p className="text-sm text-muted">Or start a new message from the list.</p>
      </div>
    </div>
  );
}
