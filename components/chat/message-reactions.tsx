import { cn } from "@/components/ui/cn";
import type { MessageView } from "./chat-types";

/** The reaction chips under a message; pressing one toggles mine. */
export function MessageReactions({ reactions, onToggle }: { reactions: MessageView["reactions"]; onToggle: (emoji: string) => void }) {
  if (reactions.length === 0) return null;
  return (
    <ul aria-label="Reactions" className="mt-1 flex flex-wrap gap-1">
      {reactions.map((reaction) => (
        <li key={reaction.emoji}>
          <button
            type="button"
            aria-pressed={reaction.mine}
            aria-label={`${reaction.emoji} ${reaction.count}${reaction.mine ? ", including you" : ""}`}
            onClick={() => onToggle(reaction.emoji)}
            className={cn(
              "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs",
              reaction.mine ? "border-accent bg-accent-soft text-accent-text" : "border-border bg-surface text-fg hover:bg-surface-2",
            )}
          >
            <span aria-hidden="true">{reaction.emoji}</span>
            <span aria-hidden="true" className="tabular-nums">
              {reaction.count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🎉"] as const;
