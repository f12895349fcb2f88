import { cn } from "@/components/ui/cn";
import type { ConversationMember } from "./chat-types";

export type DeliveryStatus = "queued" | "sending" | "failed" | "sent" | "delivered" | "read";

/** Where my message with `seq` has got to, from the other members' receipts. */
export function statusOf(seq: number, others: ConversationMember[]): { status: DeliveryStatus; readBy: ConversationMember[] } {
  const readBy = others.filter((member) => member.lastReadSeq >= seq);
  if (others.length > 0 && readBy.length === others.length) return { status: "read", readBy };
  if (others.length > 0 && others.every((member) => member.lastDeliveredSeq >= seq || member.lastReadSeq >= seq)) return { status: "delivered", readBy };
  return { status: "sent", readBy };
}

const LABELS: Record<DeliveryStatus, string> = {
  queued: "Waiting to send",
  sending: "Sending",
  failed: "Not sent",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
};

/** ✓ sent, ✓✓ delivered, blue ✓✓ read; in groups "Read by N" with the names on hover or focus. */
export function MessageStatus({ status, readBy, isGroup }: { status: DeliveryStatus; readBy: ConversationMember[]; isGroup: boolean }) {
  const icon =
    status === "queued" || status === "sending" ? (
      <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
        <circle cx="8" cy="8" r="6" />
        <path d="M8 5v3l2 1.5" strokeLinecap="round" />
      </svg>
    ) : status === "failed" ? (
      <span aria-hidden="true">!</span>
    ) : (
      <Ticks double={status !== "sent"} />
    );
  return (
    <span className="inline-flex items-center gap-1">
      <span role="img" aria-label={LABELS[status]} title={LABELS[status]} className={cn("inline-flex", status === "read" ? "text-sky-500" : status === "failed" ? "text-danger" : "opacity-70")}>
        {icon}
      </span>
      {isGroup && readBy.length > 0 ? (
        <span className="group/readers relative">
          <button type="button" className="rounded text-[11px] underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring">
            Read by {readBy.length}
          </button>
          <span role="tooltip" className="absolute right-0 bottom-full z-20 mb-1 hidden w-max max-w-56 rounded-lg border border-border bg-surface px-3 py-2 text-xs text-fg shadow-lg group-focus-within/readers:block group-hover/readers:block">
            {readBy.map((member) => member.user.name).join(", ")}
          </span>
        </span>
      ) : null}
    </span>
  );
}

function Ticks({ double }: { double: boolean }) {
  return (
    <svg viewBox="0 0 20 14" className="h-3.5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M1.5 7.5 5 11l7-8" />
      {double ? <path d="M8.5 10.5 9 11l7-8" /> : null}
    </svg>
  );
}
