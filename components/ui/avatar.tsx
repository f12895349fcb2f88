import { cn } from "./cn";

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-20 text-2xl" } as const;

/** A person's picture, or their initials on a colour derived from their name. Decorative: name it nearby. */
export function Avatar({
  name,
  image,
  size = "md",
  className,
}: {
  name: string;
  image?: string | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const base = cn("inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full", SIZES[size], className);
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- already a 256px WebP from our media route
    return <img src={image} alt="" className={cn(base, "object-cover")} width={256} height={256} />;
  }
  return (
    // The initials are drawn by CSS, not text: a button named "Ada Lovelace, account menu" would otherwise
    // show the text "AL" that its name lacks (WCAG 2.5.3, label in name).
    <span
      aria-hidden="true"
      data-initials={initialsOf(name)}
      className={cn(base, "font-semibold text-white before:content-[attr(data-initials)]")}
      style={{ backgroundColor: colorFor(name) }}
    />
  );
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

// Mid-dark hues so white initials keep at least 4.5:1 contrast.
const PALETTE = ["#4338ca", "#0f766e", "#b45309", "#be123c", "#6d28d9", "#1d4ed8", "#047857", "#a21caf"];

function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#4338ca";
}
