"use client";

import Link from "next/link";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { createPortal } from "react-dom";
import { cn } from "./cn";
import { placeWithinViewport } from "./place-within-viewport";

type MenuContextValue = { close: (options?: { restoreFocus?: boolean }) => void };
const MenuContext = createContext<MenuContextValue | null>(null);

/**
 * A button that opens a list of actions (WAI-ARIA menu button pattern):
 * Enter/Space/↓ open it on the first item, ↑/↓/Home/End move, Esc closes and
 * returns focus to the button, Tab or a click outside closes it.
 *
 * The list is drawn in a portal at a fixed position computed from the button,
 * below it (above when there is no room) and clamped to the viewport, so no
 * scrolling pane clips it and no edge of the screen cuts it off (a chat
 * message's reaction picker sits in a scrolled list, near the pane's edge).
 */
export function Menu({
  label,
  trigger,
  children,
  align = "end",
  triggerClassName,
}: {
  /** Accessible name of the button, e.g. "Account menu". */
  label: string;
  trigger: ReactNode;
  children: ReactNode;
  align?: "start" | "end";
  triggerClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const focusTarget = useRef<"first" | "last">("first");

  const close = useCallback(({ restoreFocus = true }: { restoreFocus?: boolean } = {}) => {
    setOpen(false);
    if (restoreFocus) buttonRef.current?.focus();
  }, []);

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = buttonRef.current;
      const list = listRef.current;
      if (button && list) placeWithinViewport(list, button.getBoundingClientRect(), align);
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const items = menuItems(listRef.current);
    (focusTarget.current === "first" ? items[0] : items[items.length - 1])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!listRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const openAt = (where: "first" | "last") => {
    focusTarget.current = where;
    setOpen(true);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      openAt("first");
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      openAt("last");
    }
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems(listRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (next: number) => {
      event.preventDefault();
      items[(next + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case "ArrowDown":
        return move(index + 1);
      case "ArrowUp":
        return move(index - 1);
      case "Home":
        return move(0);
      case "End":
        return move(items.length - 1);
      case "Escape":
        event.preventDefault();
        return close();
      case "Tab":
        // The list lives at the end of the page (a portal): back on the button first, Tab then moves on from there.
        return close();
    }
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close() : openAt("first"))}
        onKeyDown={onButtonKeyDown}
        className={cn("inline-flex items-center rounded-lg", triggerClassName)}
      >
        {trigger}
      </button>
      {open
        ? createPortal(
            <div
              ref={listRef}
              id={menuId}
              role="menu"
              aria-label={label}
              onKeyDown={onListKeyDown}
              className="fixed top-0 left-0 z-50 max-w-[calc(100vw-1rem)] min-w-56 rounded-xl border border-border bg-surface p-1 shadow-lg"
            >
              <MenuContext.Provider value={{ close }}>{children}</MenuContext.Provider>
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}

function menuItems(list: HTMLElement | null): HTMLElement[] {
  return list ? Array.from(list.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')) : [];
}

const ITEM =
  "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm text-fg hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none";

/** An action in a Menu. Give `href` for navigation, `onSelect` for anything else. */
export function MenuItem({
  href,
  onSelect,
  icon,
  children,
}: {
  href?: string;
  onSelect?: () => void;
  icon?: ReactNode;
  children: ReactNode;
}) {
  const menu = useContext(MenuContext);
  const content = (
    <>
      {icon ? <span aria-hidden="true" className="text-muted">{icon}</span> : null}
      {children}
    </>
  );
  if (href) {
    return (
      <Link href={href} role="menuitem" tabIndex={-1} className={ITEM} onClick={() => menu?.close({ restoreFocus: false })}>
        {content}
      </Link>
    );
  }
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={ITEM}
      onClick={() => {
        // Focus back on the menu's button first: a dialog the action opens returns focus there when it closes.
        menu?.close();
        onSelect?.();
      }}
    >
      {content}
    </button>
  );
}

/** Non-interactive header text inside a Menu (e.g. who is signed in). */
export function MenuLabel({ children }: { children: ReactNode }) {
  return <div className="px-3 py-2 text-sm">{children}</div>;
}

export function MenuSeparator() {
  return <div role="separator" className="my-1 h-px bg-border" />;
}
