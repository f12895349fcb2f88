import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatListStamp } from "./chat-time";
import type { ChatMe, ConversationSummary, PresenceInfo } from "./chat-types";
import { ConversationAvatar } from "./conversation-avatar";
import { MutedBellIcon } from "./mute-button";

/** One sidebar row: avatar, name, last message preview, time (a struck bell beside it when muted) and unread badge. */
export function ConversationListItem({
  conversation,
  me,
  isOpen,
  status,
}: {
  conversation: ConversationSummary;
  me: ChatMe;
  isOpen: boolean;
  status?: PresenceInfo["status"];
}) {
  const unread = conversation.unreadCount > 0 && !isOpen;
  return (
    <li>
      <Link
        href={`/chat/${conversation.id}`}
        aria-current={isOpen ? "page" : undefined}
        className={cn(
          "flex items-center gap-3 rounded-lg px-3 py-2.5 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring",
          isOpen && "bg-accent-soft hover:bg-accent-soft",
        )}
      >
        <ConversationAvatar conversation={conversation} meId={me.id} status={status} />
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline justify-between gap-2">
            <span className={cn("truncate text-sm text-fg", unread ? "font-semibold" : "font-medium")}>
              {conversation.name}
              {status === "online" || status === "away" ? <span className="sr-only">, {status}</span> : null}
            </span>
            <span className="flex shrink-0 items-center gap-1 text-xs text-muted">
              {conversation.muted ? (
                <span role="img" aria-label="Muted" title="Muted">
                  <MutedBellIcon muted className="size-3.5" />
                </span>
              ) : null}
              {formatListStamp(conversation.lastActivityAt)}
            </span>
          </span>
          <span className="flex items-center justify-between gap-2">
            <span className={cn("truncate text-sm", unread ? "text-fg" : "text-muted")}>{previewLine(conversation, me)}</span>
            {unread ? (
              <span className="inline-flex min-w-5 shrink-0 items-center justify-center rounded-full bg-accent px-1.5 text-xs font-semibold text-accent-fg">
                {conversation.unreadCount}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}

function previewLine(conversation: ConversationSummary, me: ChatMe): string {
  const last = conversation.lastMessage;
  if (!last) return conversation.kind === "group" ? `${conversation.memberCount} members` : "No messages yet";
  const who = last.senderId === me.id ? "You: " : conversation.kind === "group" ? `${last.senderName.split(" ")[0]}: ` : "";
  if (last.deleted) return `${who}message deleted`;
  const text = last.preview || (last.attachmentCount > 0 ? `📎 ${last.attachmentCount === 1 ? "an attachment" : `${last.attachmentCount} attachments`}` : "");
  return `${who}${text}`;
}
