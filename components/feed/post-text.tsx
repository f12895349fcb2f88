import Link from "next/link";
import type { ReactNode } from "react";
import { parsePostText } from "@/server/feed/posts/post-text";

/**
 * A post's text as elements: #hashtags and @mentions link inside Feed, links
 * open outside (rel noopener, no referrer). React escapes every text run, so
 * nothing in a post is ever HTML. `highlight` (search hits) wraps those words
 * in <mark>, also as elements.
 */
export function PostText({ text, highlight = [] }: { text: string; highlight?: readonly string[] }) {
  const marked = (run: string) => markWords(run, highlight);
  return (
    <p className="whitespace-pre-wrap break-words text-fg">
      {parsePostText(text).map((part, index) => {
        switch (part.kind) {
          case "text":
            return <span key={index}>{marked(part.text)}</span>;
          case "link":
            return (
              <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="text-accent-text hover:underline">
                {part.text}
              </a>
            );
          case "hashtag":
            return (
              <Link key={index} href={`/feed/tag/${encodeURIComponent(part.tag)}`} className="text-accent-text hover:underline">
                {marked(part.text)}
              </Link>
            );
          case "mention":
            return (
              <Link key={index} href={`/feed/u/${encodeURIComponent(part.username)}`} className="text-accent-text hover:underline">
                {marked(part.text)}
              </Link>
            );
        }
      })}
    </p>
  );
}

/** Splits a run of text around the given words (any case) and marks them. */
function markWords(text: string, words: readonly string[]): ReactNode {
  const wanted = words.filter((word) => word.length > 0);
  if (wanted.length === 0) return text;
  const pattern = new RegExp(`(${wanted.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
  return text.split(pattern).map((piece, index) =>
    index % 2 === 1 ? (
      <mark key={index} className="rounded bg-accent/20 px-0.5 text-fg">
        {piece}
      </mark>
    ) : (
      piece
    ),
  );
}
