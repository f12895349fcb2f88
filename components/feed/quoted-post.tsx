import Link from "next/link";
import type { QuotedPostView } from "@/server/feed/hydrate/post-view";
import { postHref } from "./feed-format";

/** The post a quote is about, as a card under the quote's own text. */
export function QuotedPost({ quote }: { quote: QuotedPostView }) {
  if (quote.deleted) return <p className="rounded-lg border border-border px-3 py-2 text-sm italic text-muted">The quoted post was deleted.</p>;
  return (
    <Link href={postHref(quote.id)} className="block rounded-lg border border-border px-3 py-2 text-sm hover:bg-surface-2">
      <span className="font-semibold">{quote.author.name}</span> {quote.author.username ? <span className="text-muted">@{quote.author.username}</span> : null}
      <span className="mt-1 line-clamp-3 block text-fg">{quote.text}</span>
    </Link>
  );
}
