const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "Dec 2, 2026, 9:41 AM" in the browser's locale and time zone. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

/** "#1042", how people read an order out. */
export function orderLabel(number: number): string {
  return `#${number}`;
}
