import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import type { ChatUser } from "./chat-types";

/** The @mention list above the composer (a listbox the textarea drives through aria-activedescendant). */
export function MentionSuggestions({
  id,
  suggestions,
  highlighted,
  onPick,
}: {
  id: string;
  suggestions: ChatUser[];
  highlighted: number;
  onPick: (member: ChatUser) => void;
}) {
  return (
    <ul id={id} role="listbox" aria-label="Mention someone" className="absolute bottom-full left-0 z-20 mb-1 w-72 max-w-full rounded-xl border border-border bg-surface p-1 shadow-lg">
      {suggestions.map((member, index) => (
        <li
          key={member.id}
          id={mentionOptionId(id, member)}
          role="option"
          aria-selected={index === highlighted}
          // Keep focus in the textarea: the press picks, the caret stays where it was.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(member)}
          className={cn("flex cursor-pointer items-center gap-2 rounded-lg px-2 py-1.5 text-sm text-fg", index === highlighted ? "bg-surface-2" : "hover:bg-surface-2")}
        >
          <Avatar name={member.name} image={member.image} size="sm" />
          <span className="min-w-0 truncate">
            {member.name} <span className="text-muted">@{member.username}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function mentionOptionId(listId: string, member: ChatUser): string {
  return `${listId}-${member.id}`;
}
