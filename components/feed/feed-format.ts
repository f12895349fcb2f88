/** "now", "5m", "3h", "2d", then a date: how timelines show when something was posted. */
export function shortTimeAgo(date: Date, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - date.getTime()) / 1000));
  if (seconds < 45) return "now";
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)}h`;
  if (seconds < 7 * 86_400) return `${Math.round(seconds / 86_400)}d`;
  return date.toLocaleDateString("en", { month: "short", day: "numeric", ...(new Date(now).getFullYear() === date.getFullYear() ? {} : { year: "numeric" }) });
}

export function compactCount(value: number): string {
  return value < 1000 ? String(value) : new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

export function profileHref(username: string | null, id: string): string {
  return username ? `/feed/u/${encodeURIComponent(username)}` : `/feed/u/${encodeURIComponent(id)}`;
}

export function postHref(postId: string): string {
  return `/feed/posts/${postId}`;
}
