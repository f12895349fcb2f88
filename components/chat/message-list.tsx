"use client";

import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { Spinner } from "@/components/ui/spinner";
import { formatDayLabel, isSameDay } from "./chat-time";

export type ListRow = { key: string; senderId: string; createdAt: Date; seq: number | null; render: (grouped: boolean) => ReactNode };

const GROUP_WITHIN_MS = 5 * 60_000;
const NEAR_EDGE_PX = 80;

/**
 * The scrolling message column: day separators, consecutive messages of one
 * sender grouped, a "New messages" line, older pages loaded near the top without moving what is on
 * screen, stuck to the bottom while at the bottom, a "Jump to latest" button
 * otherwise, and (once) a scroll to a highlighted message.
 */
export function MessageList({
  rows,
  hasOlder,
  hasNewer,
  loadingOlder,
  onLoadOlder,
  onJumpToLatest,
  onAtBottomChange,
  focusSeq,
  newFromSeq,
  announcement,
}: {
  rows: ListRow[];
  hasOlder: boolean;
  hasNewer: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onJumpToLatest: () => void;
  onAtBottomChange: (atBottom: boolean) => void;
  focusSeq: number | null;
  /** The first unread message when the conversation was opened: a "New messages" line goes above it. */
  newFromSeq: number | null;
  announcement: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const snapshot = useRef({ height: 0, top: 0, firstKey: "" });
  const focused = useRef(false);

  const firstKey = rows[0]?.key ?? "";
  const lastKey = rows.at(-1)?.key ?? "";

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const previous = snapshot.current;
    if (previous.firstKey && previous.firstKey !== firstKey && rows.some((row) => row.key === previous.firstKey)) {
      // Older messages went in above: keep the same message under the reader's eyes.
      element.scrollTop = previous.top + (element.scrollHeight - previous.height);
    } else if (focusSeq !== null && !focused.current) {
      const target = element.querySelector(`[data-seq="${focusSeq}"]`);
      if (target) {
        focused.current = true;
        // Scroll this column only (scrollIntoView would move the page around it too).
        const offset = target.getBoundingClientRect().top - element.getBoundingClientRect().top;
        element.scrollTop += offset - element.clientHeight / 2;
        // A hit near the top leaves scrollTop at 0, which fires no scroll event: without this the list would still
        // count as "at the bottom" and the next resize or render would pull it down there, away from the hit.
        atBottom.current = isNearBottom(element);
        onAtBottomChange(atBottom.current);
      }
    } else if (atBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    snapshot.current = { height: element.scrollHeight, top: element.scrollTop, firstKey };
  }, [firstKey, lastKey, rows, focusSeq, onAtBottomChange]);

  // Images finishing loading change heights: stay at the bottom if we were there.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
      snapshot.current = { ...snapshot.current, height: element.scrollHeight, top: element.scrollTop };
    });
    const content = element.firstElementChild;
    if (content) observer.observe(content);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const bottom = isNearBottom(element);
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      onAtBottomChange(bottom);
    }
    setShowJump(!bottom || hasNewer);
    snapshot.current = { height: element.scrollHeight, top: element.scrollTop, firstKey };
    if (element.scrollTop < NEAR_EDGE_PX && hasOlder && !loadingOlder) onLoadOlder();
  };

  const jump = () => {
    atBottom.current = true;
    onAtBottomChange(true);
    setShowJump(false);
    if (hasNewer) onJumpToLatest();
    else scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: "smooth" });
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scroller} onScroll={onScroll} className="h-full overflow-y-auto [overflow-anchor:none]">
        <div className="pb-3">
          {hasOlder ? (
            <div className="flex justify-center py-3">{loadingOlder ? <Spinner label="Loading older messages…" /> : <span className="h-5" />}</div>
          ) : (
            <p className="py-4 text-center text-xs text-muted">This is the beginning of the conversation.</p>
          )}
          <ol aria-label="Messages" className="list-none">
            {rows.map((row, index) => {
              const previous = rows[index - 1];
              const newDay = !previous || !isSameDay(previous.createdAt, row.createdAt);
              const grouped = !newDay && previous?.senderId === row.senderId && row.createdAt.getTime() - previous.createdAt.getTime() < GROUP_WITHIN_MS;
              return (
                <Fragment key={row.key}>
                  {newDay ? (
                    <li role="separator" aria-label={formatDayLabel(row.createdAt)} className="my-3 flex items-center gap-3 px-4 text-xs font-medium text-muted">
                      <span className="h-px flex-1 bg-border" />
                      {formatDayLabel(row.createdAt)}
                      <span className="h-px flex-1 bg-border" />
                    </li>
                  ) : null}
                  {row.seq !== null && row.seq === newFromSeq ? (
                    <li role="separator" aria-label="New messages" className="my-2 flex items-center gap-3 px-4 text-xs font-semibold text-danger">
                      <span className="h-px flex-1 bg-danger/60" />
                      New messages
                    </li>
                  ) : null}
                  {row.render(grouped && row.seq !== newFromSeq)}
                </Fragment>
              );
            })}
          </ol>
        </div>
      </div>
      {showJump || hasNewer ? (
        <button
          type="button"
          onClick={jump}
          className="absolute right-4 bottom-3 rounded-full border border-border bg-surface px-3 py-1.5 text-sm font-medium text-fg shadow-md hover:bg-surface-2"
        >
          Jump to latest ↓
        </button>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function isNearBottom(element: HTMLElement): boolean {
  return element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_EDGE_PX;
}
