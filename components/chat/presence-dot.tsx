import { cn } from "@/components/ui/cn";
import type { PresenceInfo } from "./chat-types";

/** A small coloured dot on an avatar: green online, amber away, nothing when offline. */
export function PresenceDot({ status, className }: { status: PresenceInfo["status"] | undefined; className?: string }) {
  if (status !== "online" && status !== "away") return null;
  return (
    <span
      aria-hidden="true"
      className={cn("absolute right-0 bottom-0 size-3 rounded-full ring-2 ring-surface", status === "online" ? "bg-success" : "bg-warning", className)}
    />
  );
}
