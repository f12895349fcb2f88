"use client";

import { Field, TextField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { LinkView } from "@/server/links/manage/link-view";
import type { LinkFormErrors } from "./link-form-errors";

export type SocialCardValue = { custom: boolean; title: string; description: string; image: string };

/** The server's limits (server/platform/page-preview.ts PAGE_PREVIEW_LIMITS). */
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 500;

export function socialCardOf(link: LinkView): SocialCardValue {
  return { custom: link.preview.custom, title: link.preview.title ?? "", description: link.preview.description ?? "", image: link.preview.image ?? "" };
}

/** What the form sends: nothing when untouched, the card when written, `false` to go back to the destination's own. */
export function socialCardChange(link: LinkView, card: SocialCardValue) {
  const initial = socialCardOf(link);
  const unchanged = card.custom === initial.custom && (!card.custom || (card.title === initial.title && card.description === initial.description && card.image === initial.image));
  if (unchanged) return {};
  if (!card.custom) return { previewCustom: false };
  return { previewCustom: true, previewTitle: card.title, previewDescription: card.description, previewImage: card.image.trim() };
}

/**
 * The card chat apps and social networks show when the short link is shared:
 * the destination page's own (read by the server after each save), or one
 * the owner writes, which those apps then get instead.
 */
export function SocialCardFields({ link, value, onChange, errors }: { link: LinkView; value: SocialCardValue; onChange: (value: SocialCardValue) => void; errors: LinkFormErrors }) {
  const shown = value.custom ? value : socialCardOf(link);
  const empty = !shown.title && !shown.description && !shown.image;
  return (
    <fieldset className="space-y-3 rounded-lg border border-border p-3">
      <legend className="px-1 text-sm font-medium text-fg">Social card</legend>
      <p className="text-sm text-muted">What Slack, WhatsApp, X and others show when someone shares the short link.</p>
      {empty ? (
        <p className="rounded-md bg-surface-2 px-3 py-2 text-sm text-muted">
          {value.custom ? "Write a title, a description or an image address below." : "No card yet. The destination page is read after each save; pages that say nothing about themselves have none."}
        </p>
      ) : (
        <figure aria-label="Card preview" className="overflow-hidden rounded-lg border border-border bg-surface">
          {/* eslint-disable-next-line @next/next/no-img-element -- any site's image, as the apps that unfurl will show it */}
          {shown.image.startsWith("https://") ? <img src={shown.image} alt="" className="aspect-[1.91/1] w-full object-cover" /> : null}
          <figcaption className="space-y-1 p-3">
            <span className="block text-xs text-muted">{hostOf(link.url)}</span>
            {shown.title ? <span className="block font-semibold text-fg">{shown.title}</span> : null}
            {shown.description ? <span className="line-clamp-2 block text-sm text-muted">{shown.description}</span> : null}
          </figcaption>
        </figure>
      )}
      <label className="flex items-center gap-2 text-sm text-fg">
        <input
          type="checkbox"
          checked={value.custom}
          onChange={(event) => onChange(event.target.checked ? { ...socialCardOf(link), custom: true } : { ...value, custom: false })}
          className="size-4 accent-accent"
        />
        Write my own card
      </label>
      {value.custom ? (
        <div className="space-y-3">
          <TextField label="Card title" value={value.title} maxLength={TITLE_MAX} onChange={(event) => onChange({ ...value, title: event.target.value })} error={errors.previewTitle} />
          <Field label="Card description" error={errors.previewDescription} hint={`Up to ${DESCRIPTION_MAX} characters.`}>
            {(props) => <Textarea {...props} rows={2} maxLength={DESCRIPTION_MAX} value={value.description} onChange={(event) => onChange({ ...value, description: event.target.value })} />}
          </Field>
          <TextField
            label="Card image address"
            type="url"
            placeholder="https://…"
            value={value.image}
            onChange={(event) => onChange({ ...value, image: event.target.value })}
            error={errors.previewImage}
            hint="A picture on the web, about 1200 × 630 pixels."
          />
        </div>
      ) : null}
    </fieldset>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
