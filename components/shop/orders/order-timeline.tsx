import type { OrderView } from "@/server/shop/orders/order-view";
import { formatDateTime } from "./format-order";
import { ORDER_STATUS } from "./order-status-badge";

/** Every status the order went through, oldest first, with the note each step left. */
export function OrderTimeline({ timeline }: { timeline: OrderView["timeline"] }) {
  return (
    <ol className="space-y-4" aria-label="Order history">
      {timeline.map((entry, index) => {
        const latest = index === timeline.length - 1;
        return (
          <li key={`${entry.status}-${entry.at.getTime()}`} className="relative flex gap-3 pl-1">
            <span aria-hidden="true" className="relative flex flex-col items-center">
              <span className={latest ? "mt-1 size-3 rounded-full bg-accent ring-4 ring-accent-soft" : "mt-1 size-3 rounded-full bg-border"} />
              {latest ? null : <span className="mt-1 w-px flex-1 bg-border" />}
            </span>
            <div className="min-w-0 pb-1">
              <p className={latest ? "text-sm font-semibold text-fg" : "text-sm font-medium text-fg"}>{ORDER_STATUS[entry.status].label}</p>
              <p className="text-xs text-muted">
                <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
              </p>
              {entry.note ? <p className="mt-1 text-sm text-muted">{entry.note}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
