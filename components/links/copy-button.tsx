"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

const COPIED_FOR_MS = 2_000;

/** Copies `text` to the clipboard and says "Copied" for a moment (announced politely). */
export function CopyButton({
  text,
  label = "Copy",
  accessibleLabel,
  variant = "secondary",
  size = "md",
}: {
  text: string;
  label?: string;
  /** A fuller name for screen readers, e.g. "Copy short URL". */
  accessibleLabel?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const toast = useToast();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch (error) {
      toast.show({ tone: "error", title: "Could not copy", description: error instanceof Error ? error.message : "Select the text and copy it by hand." });
    }
  };

  return (
    <Button variant={variant} size={size} onClick={() => void copy()} aria-label={accessibleLabel}>
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}
