/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "";
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function formatDate(date: Date | null): string {
  return date ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(date) : "";
}

export const VISIBILITY_LABELS = { public: "Public", unlisted: "Unlisted", private: "Private" } as const;

/** (1, "view") → "1 view"; (1234, "view") → "1,234 views". */
export function formatCount(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

/** A channel's page: by username, or by id for people without one. */
export function channelHref(owner: { id: string; username: string | null }): string {
  return `/videos/c/${encodeURIComponent(owner.username ?? owner.id)}`;
}
