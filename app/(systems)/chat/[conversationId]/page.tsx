import type { Metadata } from "next";
import { ConversationView } from "@/components/chat/conversation-view";

export const metadata: Metadata = { title: "Chat" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /chat/<id>[?seq=N[&thread=<message id>]]: one conversation, optionally opened at a message (a search hit, a bell entry) and its thread. */
export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<{ seq?: string; thread?: string }>;
}) {
  const [{ conversationId }, { seq, thread }] = await Promise.all([params, searchParams]);
  const focusSeq = seq && /^\d{1,10}$/.test(seq) ? Number(seq) : null;
  const threadOf = thread && UUID.test(thread) ? thread : null;
  return <ConversationView key={`${conversationId}:${focusSeq ?? ""}:${threadOf ?? ""}`} conversationId={conversationId} focusSeq={focusSeq} threadOf={threadOf} />;
}
