import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { formatAgo } from "./chat-time";
import type { ConversationDetail, PresenceInfo } from "./chat-types";
import { ConversationAvatar } from "./conversation-avatar";

/** Name, avatar and presence line ("Online", "Last seen 5 minutes ago", "4 members, 2 here") of the open conversation. */
export function ConversationHeader({
  conversation,
  meId,
  otherStatus,
  hereCount,
  actions,
}: {
  conversation: ConversationDetail;
  meId: string;
  otherStatus: PresenceInfo | null;
  hereCount: number;
  actions?: React.ReactNode;
}) {
  const line =
    conversation.kind === "dm" ? presenceLine(otherStatus) : `${conversation.memberCount} members${hereCount > 1 ? `, ${hereCount - 1} here with you` : ""}`;
  return (
    <div className="flex items-center gap-3 border-b border-border px-3 py-2.5">
      <Link href="/chat" className="rounded-lg p-2 text-muted hover:bg-surface-2 md:hidden" aria-label="Back to conversations">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M12.8 4.2a.75.75 0 0 1 0 1.06L8.06 10l4.74 4.74a.75.75 0 1 1-1.06 1.06l-5.27-5.27a.75.75 0 0 1 0-1.06l5.27-5.27a.75.75 0 0 1 1.06 0Z" />
        </svg>
      </Link>
      {conversation.kind === "dm" && conversation.otherMember ? (
        <Avatar name={conversation.otherMember.name} image={conversation.otherMember.image} />
      ) : (
        <ConversationAvatar conversation={conversation} meId={meId} />
      )}
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold text-fg">{conversation.name}</h2>
        <p data-testid="presence" className="truncate text-xs text-muted">
          {conversation.kind === "dm" && otherStatus?.status === "online" ? <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full bg-success" /> : null}
          {line}
        </p>
      </div>
      {actions}
    </div>
  );
}

function presenceLine(info: PresenceInfo | null): string {
  if (!info) return "";
  if (info.status === "online") return "Online";
  if (info.status === "away") return "Away";
  return info.lastSeenAt ? `Offline · last seen ${formatAgo(info.lastSeenAt)}` : "Offline";
}
