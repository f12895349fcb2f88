import type { ChatUser } from "./chat-types";

/** How many people the @mention list offers at once. */
export const MENTION_SUGGESTIONS = 6;

/** An "@partial" being typed: where its "@" is and what follows it up to the caret. */
export type MentionDraft = { start: number; query: string };

// As the server reads mentions (server/chat/messages/message-body.ts): "@" not glued to a word, then a username's characters.
const TYPING_MENTION = /(?:^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{0,30})$/;

/** The mention the caret is at the end of, if any ("Hi @be|" → { start: 3, query: "be" }). */
export function mentionAt(text: string, caret: number): MentionDraft | null {
  const match = TYPING_MENTION.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[1] ?? "";
  return { start: caret - query.length - 1, query };
}

/** Members worth offering for `query`: usernames, then names (any word), that start with it, in the given order. */
export function suggestMembers(members: ChatUser[], query: string): ChatUser[] {
  const wanted = query.toLowerCase();
  const mentionable = members.filter((member) => member.username !== null);
  const byUsername = mentionable.filter((member) => member.username?.toLowerCase().startsWith(wanted));
  const byName = mentionable.filter(
    (member) => !byUsername.includes(member) && member.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(wanted)),
  );
  return [...byUsername, ...byName].slice(0, MENTION_SUGGESTIONS);
}

/** The text with the mention being typed replaced by "@username ", and where the caret goes next. */
export function completeMention(text: string, caret: number, draft: MentionDraft, username: string): { text: string; caret: number } {
  const inserted = `@${username} `;
  const rest = text.slice(caret).replace(/^[A-Za-z0-9_]*\s?/, "");
  return { text: text.slice(0, draft.start) + inserted + rest, caret: draft.start + inserted.length };
}
