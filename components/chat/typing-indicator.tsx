/** "Bob is typing…", "Bob and Carol are typing…", "3 people are typing…". */
export function TypingIndicator({ names }: { names: string[] }) {
  const first = names.map((name) => name.split(" ")[0] ?? name);
  const text =
    first.length === 0
      ? ""
      : first.length === 1
        ? `${first[0]} is typing…`
        : first.length === 2
          ? `${first[0]} and ${first[1]} are typing…`
          : `${first.length} people are typing…`;
  return (
    <p aria-live="polite" className="h-5 truncate px-4 text-xs text-muted italic">
      {text}
    </p>
  );
}
