import type { MessageView } from "./chat-types";

type LinkPreview = NonNullable<MessageView["linkPreview"]>;

/**
 * A message's link card under its bubble: the site, the page's title and
 * description, linking to the page, with its https picture when it has one.
 * Everything in it comes from another site: rendered as text only.
 */
export function LinkPreviewCard({ preview }: { preview: LinkPreview }) {
  const host = hostOf(preview.url);
  const title = preview.title ?? host;
  return (
    <a
      href={preview.url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      aria-label={`Link preview: ${title}`}
      className="mt-1 flex w-72 max-w-full overflow-hidden rounded-xl border border-border bg-surface text-left hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring"
    >
      {preview.image ? (
        // eslint-disable-next-line @next/next/no-img-element -- a picture from any https host: next/image would need each host configured
        <img src={preview.image} alt="" loading="lazy" referrerPolicy="no-referrer" className="h-20 w-20 shrink-0 object-cover" />
      ) : null}
      <span className="min-w-0 space-y-0.5 p-2.5">
        <span className="block truncate text-[11px] text-muted">{host}</span>
        <span className="line-clamp-2 block text-sm font-semibold text-fg">{title}</span>
        {preview.description ? <span className="line-clamp-2 block text-xs text-muted">{preview.description}</span> : null}
      </span>
    </a>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // stored previews hold absolute URLs; shown as they are otherwise
  }
}
