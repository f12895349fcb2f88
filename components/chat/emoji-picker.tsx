"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

type PickedEmoji = { native: string };

/**
 * emoji-mart's picker (a web component with every Unicode emoji, search and
 * skin tones). It and its data (~0.5 MB) load only when a picker first opens,
 * so the chat page's bundle does not carry them; the data is bundled, never
 * fetched from a CDN.
 */
export function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const picked = useRef(onPick);
  useEffect(() => {
    picked.current = onPick;
  }, [onPick]);
  const [state, setState] = useState<"loading" | "ready" | "error">("loading");
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let picker: HTMLElement | null = null;
    Promise.all([import("emoji-mart"), import("@emoji-mart/data")]).then(
      ([{ Picker }, { default: data }]) => {
        if (!active || !host.current) return;
        // The typings declare the element against a stand-in for HTMLElement; at run time it is a custom element.
        const element = new Picker({
          data,
          onEmojiSelect: (emoji: PickedEmoji) => picked.current(emoji.native),
          theme: pageTheme(),
          autoFocus: true,
          previewPosition: "none",
          skinTonePosition: "search",
          maxFrequentRows: 2,
          perLine: window.innerWidth < 400 ? 8 : 9,
        }) as unknown as HTMLElement;
        allowPickerStyles(element);
        host.current.append(element);
        picker = element;
        setState("ready");
      },
      (error: unknown) => {
        console.warn(`Could not load the emoji picker: ${error instanceof Error ? error.message : String(error)}`);
        if (active) setState("error");
      },
    );
    return () => {
      active = false;
      picker?.remove();
    };
  }, [attempt]);

  return (
    <div>
      {state === "loading" ? <Spinner label="Loading emoji…" className="p-4" /> : null}
      {state === "error" ? (
        <div className="space-y-2 p-4 text-sm">
          <p className="text-danger">Could not load the emoji.</p>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setState("loading");
              setAttempt((count) => count + 1);
            }}
          >
            Try again
          </Button>
        </div>
      ) : null}
      <div ref={host} />
    </div>
  );
}

/** The picker follows the page: the saved choice on <html class="light|dark">, else the system's. */
function pageTheme(): "light" | "dark" | "auto" {
  const root = document.documentElement.classList;
  return root.contains("dark") ? "dark" : root.contains("light") ? "light" : "auto";
}

/**
 * The picker styles itself with a <style> in its shadow root, which the page's
 * Content-Security-Policy (style-src with a nonce) would refuse. Before the
 * picker is attached, that one element gets the nonce Next gave this page's
 * scripts (browsers hide the attribute but keep the `nonce` property).
 */
function allowPickerStyles(picker: HTMLElement): void {
  const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
  if (!nonce) return;
  for (const style of picker.shadowRoot?.querySelectorAll("style") ?? []) style.nonce = nonce;
}
