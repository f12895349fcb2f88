"use client";

import { useRef, type KeyboardEvent } from "react";
import { cn } from "./cn";

export type TabItem<Id extends string> = { id: Id; label: string };

/**
 * A row of tabs (WAI-ARIA tabs pattern): the selected tab is the one stop in
 * the page's tab order, and the arrow keys, Home and End move between tabs.
 * The caller renders the selected panel below it.
 */
export function Tabs<Id extends string>({ label, tabs, value, onChange }: { label: string; tabs: readonly TabItem<Id>[]; value: Id; onChange: (id: Id) => void }) {
  const list = useRef<HTMLDivElement>(null);
  const select = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onChange(tab.id);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[tabs.indexOf(tab)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.id === value);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target);
  };
  return (
    <div ref={list} role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 overflow-x-auto border-b border-border">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === value}
          tabIndex={tab.id === value ? 0 : -1}
          onClick={() => onChange(tab.id)}
          className={cn("-mb-px shrink-0 border-b-2 px-4 py-2 text-sm font-medium", tab.id === value ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
