import Link from "next/link";
import { parsePostText } from "@/server/feed/posts/post-text";

/**
 * A post's text as elements: #hashtags and @mentions link inside Feed, links
 * open outside (rel noopener, no referrer). React escapes every text run, so
 * nothing in a post is ever HTML.
 */
export function PostText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-fg">
      {parsePostText(text).map((part, index) => {
        switch (part.kind) {
          case "text":
            return <span key={index}>{part.text}</span>;
          case "link":
            return (
              <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" className="text-accent-text hover:underline">
                {part.text}
              </a>
            );
          case "hashtag":
            return (
              <Link key={index} href={`/feed/tag/${encodeURIComponent(part.tag)}`} className="text-accent-text hover:underline">
                {part.text}
              </Link>
            );
          case "mention":
            return (
              <Link key={index} href={`/feed/u/${encodeURIComponent(part.username)}`} className="text-accent-text hover:underline">
                {part.text}
              </Link>
            );
        }
      })}
    </p>
  );
}
