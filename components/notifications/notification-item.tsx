import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { NotificationView } from "@/server/platform/notification-view";
import { describeNotification } from "./notification-kinds";

/** One notification: what happened, when, and an unread dot; a link when it points somewhere. */
export function NotificationItem({
  notification,
  onOpen,
  className,
}: {
  notification: NotificationView;
  /** Called when the person opens it (clicks the link or the row). */
  onOpen?: () => void;
  className?: string;
}) {
  const { title, body, href } = describeNotification(notification);
  const unread = notification.readAt === null;
  const content = (
    <>
      <span
        aria-hidden="true"
        className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-accent" : "bg-transparent")}
      />
      <span className="min-w-0 flex-1">
        <span className={cn("block text-sm text-fg", unread ? "font-semibold" : "font-medium")}>
          {title}
          {unread ? <span className="sr-only"> (unread)</span> : null}
        </span>
        {body ? <span className="mt-0.5 block text-sm break-words text-muted">{body}</span> : null}
        <time dateTime={notification.createdAt} title={new Date(notification.createdAt).toLocaleString()} className="mt-1 block text-xs text-muted">
          {formatRelative(notification.createdAt)}
        </time>
      </span>
    </>
  );
  const layout = cn("flex w-full items-start gap-3 rounded-lg px-3 py-2.5 text-left", className);
  if (href) {
    return (
      <Link href={href} onClick={onOpen} className={cn(layout, "hover:bg-surface-2")}>
        {content}
      </Link>
    );
  }
  if (onOpen) {
    return (
      <button type="button" onClick={onOpen} className={cn(layout, "hover:bg-surface-2")}>
        {content}
      </button>
    );
  }
  return <div className={layout}>{content}</div>;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday"... */
function formatRelative(iso: string): string {
  const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return "just now";
}
