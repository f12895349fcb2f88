"use client";

import { useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import { createPortal } from "react-dom";
import { placeWithinViewport } from "./place-within-viewport";

/**
 * A non-modal panel anchored to an element (an emoji picker beside its
 * button): drawn in a portal at a fixed position kept inside the viewport as
 * its content, the window or a pane scrolls, so no scrolling pane clips it.
 * Esc or a press outside closes it; Esc returns focus to the anchor when it was inside.
 */
export function Popover({
  anchor,
  open,
  onClose,
  label,
  align = "end",
  children,
}: {
  anchor: RefObject<HTMLElement | null>;
  open: boolean;
  onClose: () => void;
  /** Accessible name of the panel, e.g. "Emoji picker". */
  label: string;
  align?: "start" | "end";
  children: ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    const place = () => {
      if (anchor.current) placeWithinViewport(element, anchor.current.getBoundingClientRect(), align);
    };
    place();
    // The content may arrive later (a lazily loaded picker) and change the panel's size.
    const resized = new ResizeObserver(place);
    resized.observe(element);
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      resized.disconnect();
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [open, anchor, align]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !anchor.current?.contains(target)) close.current();
    };
    // On the document and while capturing: the emoji picker's search box stops every key it sees from propagating,
    // and focus may still be on the page when Esc is pressed.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const focusWasInside = panel.current?.contains(document.activeElement) ?? false;
      close.current();
      if (focusWasInside) anchor.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown, true);
    };
  }, [open, anchor]);

  if (!open) return null;
  return createPortal(
    <div
      ref={panel}
      role="dialog"
      aria-label={label}
      className="fixed top-0 left-0 z-50 max-w-[calc(100vw-1rem)] rounded-xl border border-border bg-surface shadow-lg"
    >
      {children}
    </div>,
    document.body,
  );
}
