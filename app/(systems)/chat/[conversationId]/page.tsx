import type { Metadata } from "next";
import { ConversationView } from "@/components/chat/conversation-view";

export const metadata: Metadata = { title: "Chat" };

/** /chat/<id>[?seq=N]: one conversation, optionally opened at a search hit. */
export default async function ConversationPage({ params, searchParams }: { params: Promise<{ conversationId: string }>; searchParams: Promise<{ seq?: string }> }) {
  const [{ conversationId }, { seq }] = await Promise.all([params, searchParams]);
  const focusSeq = seq && /^\d{1,10}$/.test(seq) ? Number(seq) : null;
  return <ConversationView key={`${conversationId}:${focusSeq ?? ""}`} conversationId={conversationId} focusSeq={focusSeq} />;
}
