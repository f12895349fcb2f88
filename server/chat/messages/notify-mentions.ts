import type { Db } from "@/server/platform/db";
import { notify } from "@/server/platform/notifications";
import { mentionedUsernames } from "./message-body";

export const CHAT_MENTION_KIND = "chat.mention";

/** A member who could be mentioned: active, not the writer. */
export type MentionCandidate = { userId: string; username: string | null };

/**
 * The one rule for @mentions, in the main timeline and in threads alike: each
 * candidate whose username the body mentions gets a "chat.mention" bell entry,
 * muted conversation or not (a mention is addressed to them). Answers whom it
 * notified, so the caller's other notice (a DM, a thread reply) is not a second
 * entry for the same words.
 */
export async function notifyMentionedMembers({
  db,
  candidates,
  body,
  payload,
}: {
  db: Db;
  candidates: readonly MentionCandidate[];
  body: string;
  payload: Record<string, unknown>;
}): Promise<Set<string>> {
  const mentioned = new Set(mentionedUsernames(body));
  const notified = new Set<string>();
  if (mentioned.size === 0) return notified;
  for (const candidate of candidates) {
    if (!candidate.username || !mentioned.has(candidate.username) || notified.has(candidate.userId)) continue;
    await notify({ db, userId: candidate.userId, kind: CHAT_MENTION_KIND, payload });
    notified.add(candidate.userId);
  }
  return notified;
}
