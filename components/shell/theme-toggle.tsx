"use client";

import { useState, useSyncExternalStore } from "react";
import { THEME_COOKIE, type ThemeChoice } from "./theme";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * Switches between light and dark. The choice is saved in a cookie (so the
 * server renders the right class on the next page load, with no flash) and
 * mirrored in localStorage for scripts that want it.
 */
export function ThemeToggle({ initialChoice }: { initialChoice: ThemeChoice }) {
  const [choice, setChoice] = useState<ThemeChoice>(initialChoice);
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark, () => false);

  const dark = choice === "dark" || (choice === "system" && systemDark);

  const toggle = () => {
    const next = dark ? "light" : "dark";
    const root = document.documentElement;
    root.classList.remove("light", "dark");
    root.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
    try {
      localStorage.setItem(THEME_COOKIE, next);
    } catch (error) {
      // Storage can be disabled (private mode, policies); the cookie alone is enough.
      console.debug("theme not mirrored to localStorage", error);
    }
    setChoice(next);
  };

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark}
      aria-label="Dark theme"
      title={dark ? "Switch to light theme" : "Switch to dark theme"}
      className="inline-flex size-10 items-center justify-center rounded-lg text-muted hover:bg-surface-2 hover:text-fg"
    >
      {dark ? (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
        </svg>
      ) : (
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
        </svg>
      )}
    </button>
  );
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}
