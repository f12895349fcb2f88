"use client";

import { useMemo, useState, type KeyboardEvent, type RefObject } from "react";
import type { ChatUser } from "./chat-types";
import { completeMention, mentionAt, suggestMembers } from "./mention-query";

/**
 * The composer's @mention list: open while the caret ends an "@partial" that
 * matches a member; ↑/↓ move, Enter or Tab completes, Esc closes it (until the
 * mention being typed changes).
 */
export function useMentionAutocomplete({
  members,
  body,
  setBody,
  textarea,
}: {
  members: ChatUser[];
  body: string;
  setBody: (body: string) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
}) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const draft = useMemo(() => mentionAt(body, caret), [body, caret]);
  const suggestions = useMemo(() => (draft && draft.start !== dismissedAt ? suggestMembers(members, draft.query) : []), [draft, dismissedAt, members]);
  const open = suggestions.length > 0;
  const highlighted = Math.min(active, suggestions.length - 1);

  const pick = (member: ChatUser) => {
    if (!draft || !member.username) return;
    const next = completeMention(body, caret, draft, member.username);
    setBody(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  /** Handles the list's keys; true when the key was the list's (the composer must not also act on it). */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    const move = (step: number) => setActive((highlighted + step + suggestions.length) % suggestions.length);
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      const member = suggestions[highlighted];
      if (member) pick(member);
    } else if (event.key === "Escape") setDismissedAt(draft?.start ?? null);
    else return false;
    event.preventDefault();
    return true;
  };

  /** Keep the caret known: typing, clicks and arrow keys all move it. */
  const trackCaret = (element: HTMLTextAreaElement) => {
    if (element.selectionStart === caret) return;
    setCaret(element.selectionStart);
    setActive(0);
  };

  return { open, suggestions, highlighted, activeMember: open ? suggestions[highlighted] : undefined, pick, onKeyDown, trackCaret };
}
