"use client";

import { Field, TextField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { VISIBILITY_LABELS } from "./video-format";

/** What an owner says about a video, as the form holds it: tags as the typed, comma-separated text. */
export type VideoDetailsDraft = { title: string; description: string; tagText: string; visibility: keyof typeof VISIBILITY_LABELS };
export type VideoDetailsErrors = Partial<Record<"title" | "description" | "tags", string>>;

/** "news, Cats ," → ["news", "Cats"] (the server lower-cases and removes repeats). */
export function tagsOf(tagText: string): string[] {
  return tagText
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Title, description, tags and visibility: the same fields and limits
 * (server/videos/video-fields.ts) when uploading and when editing later.
 */
export function VideoDetailsFields({ value, onChange, errors = {} }: { value: VideoDetailsDraft; onChange: (next: VideoDetailsDraft) => void; errors?: VideoDetailsErrors }) {
  return (
    <>
      <TextField label="Title" value={value.title} maxLength={100} required error={errors.title} onChange={(event) => onChange({ ...value, title: event.target.value })} />
      <Field label="Description" hint="Optional. Up to 5,000 characters." error={errors.description}>
        {(props) => <Textarea {...props} rows={4} maxLength={5000} value={value.description} onChange={(event) => onChange({ ...value, description: event.target.value })} />}
      </Field>
      <TextField label="Tags" hint="Comma-separated, up to 10." error={errors.tags} value={value.tagText} onChange={(event) => onChange({ ...value, tagText: event.target.value })} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Visibility</legend>
        <div className="flex flex-wrap gap-4">
          {(Object.keys(VISIBILITY_LABELS) as Array<keyof typeof VISIBILITY_LABELS>).map((visibility) => (
            <label key={visibility} className="flex items-center gap-2 text-sm text-fg">
              <input type="radio" name="visibility" value={visibility} checked={value.visibility === visibility} onChange={() => onChange({ ...value, visibility })} />
              {VISIBILITY_LABELS[visibility]}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
