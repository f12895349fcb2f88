import { Avatar } from "@/components/ui/avatar";
import type { ConversationSummary, PresenceInfo } from "./chat-types";
import { PresenceDot } from "./presence-dot";

/**
 * A DM's person (with their online dot) or a group's first two other members
 * (earliest joined first, so the picture stays the same), stacked; never me.
 */
export function ConversationAvatar({ conversation, meId, status }: { conversation: ConversationSummary; meId: string; status?: PresenceInfo["status"] }) {
  if (conversation.kind === "dm" && conversation.otherMember) {
    return (
      <span className="relative inline-flex">
        <Avatar name={conversation.otherMember.name} image={conversation.otherMember.image} />
        <PresenceDot status={status} />
      </span>
    );
  }
  const [first, second] = conversation.memberPreview.filter((member) => member.id !== meId);
  return (
    <span className="relative inline-flex size-10 shrink-0">
      <Avatar name={first?.name ?? conversation.name} image={first?.image} size="sm" className="absolute top-0 left-0 size-7! text-[10px]!" />
      <Avatar name={second?.name ?? conversation.name} image={second?.image} size="sm" className="absolute right-0 bottom-0 size-7! text-[10px]! ring-2 ring-surface" />
    </span>
  );
}
