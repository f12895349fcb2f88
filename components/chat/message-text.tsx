import { Fragment, type ReactNode } from "react";

/**
 * A message body as React nodes: links auto-linked, `code`, **bold** and
 * *italics* / _italics_. Built node by node, never as HTML, so whatever a
 * sender types is only ever text.
 */
export function MessageText({ body }: { body: string }) {
  return <>{renderInline(body, 0)}</>;
}

// Order matters: code spans first (nothing inside them is formatted), then bold before italics.
const TOKEN = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\s][^*\n]*\*|_[^_\s][^_\n]*_)|(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

function renderInline(text: string, depth: number): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) nodes.push(text.slice(last, index));
    const [token, code, bold, italic, url] = match;
    const key = `${depth}-${index}`;
    if (code) {
      nodes.push(
        <code key={key} className="rounded bg-black/10 px-1 py-0.5 font-mono text-[0.9em] dark:bg-white/15">
          {code.slice(1, -1)}
        </code>,
      );
    } else if (bold) {
      nodes.push(<strong key={key}>{renderInline(bold.slice(2, -2), depth + 1)}</strong>);
    } else if (italic) {
      nodes.push(<em key={key}>{renderInline(italic.slice(1, -1), depth + 1)}</em>);
    } else if (url && isSafeHttpUrl(url)) {
      nodes.push(
        <a key={key} href={url} target="_blank" rel="noopener noreferrer nofollow" className="break-all underline underline-offset-2">
          {url}
        </a>,
      );
    } else {
      nodes.push(<Fragment key={key}>{token}</Fragment>);
    }
    last = index + token.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

function isSafeHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false; // not a URL after all: shown as text
  }
}
