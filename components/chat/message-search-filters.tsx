import type { ChatMe, ChatUser, ConversationSummary } from "./chat-types";

/** Message search narrowed to one author and one conversation (null: any). */
export type SearchFilters = { senderId: string | null; conversationId: string | null };

export const NO_FILTERS: SearchFilters = { senderId: null, conversationId: null };

const SELECT = "min-w-0 flex-1 rounded-md border border-border bg-surface px-2 py-1 text-sm text-fg";

/**
 * "From" and "In" beside message search. The people offered are those my
 * conversation list shows (the other person of each DM, the first members of
 * each group), and me.
 */
export function MessageSearchFilters({
  me,
  conversations,
  filters,
  onChange,
}: {
  me: ChatMe;
  conversations: ConversationSummary[];
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
}) {
  return (
    <div className="flex gap-2">
      <label className="flex min-w-0 flex-1 items-center gap-1.5 text-xs text-muted">
        From
        <select className={SELECT} value={filters.senderId ?? ""} onChange={(event) => onChange({ ...filters, senderId: event.target.value || null })}>
          <option value="">Anyone</option>
          <option value={me.id}>You</option>
          {peopleIn(conversations, me.id).map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-1 items-center gap-1.5 text-xs text-muted">
        In
        <select className={SELECT} value={filters.conversationId ?? ""} onChange={(event) => onChange({ ...filters, conversationId: event.target.value || null })}>
          <option value="">All conversations</option>
          {conversations.map((conversation) => (
            <option key={conversation.id} value={conversation.id}>
              {conversation.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function peopleIn(conversations: ConversationSummary[], meId: string): ChatUser[] {
  const byId = new Map<string, ChatUser>();
  for (const conversation of conversations) {
    for (const person of conversation.otherMember ? [conversation.otherMember] : conversation.memberPreview) {
      if (person.id !== meId) byId.set(person.id, person);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
