"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ProgressBar } from "@/components/ui/progress-bar";
import { uploadFile } from "@/components/ui/upload-file";
import type { ThumbnailChoice } from "@/server/videos/edit/thumbnail-choices";
import { formatBytes } from "./video-format";

/** What the server re-encodes (server/platform/images.ts); the picker offers only these. */
const PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/gif,image/avif";

/**
 * The thumbnail choice on the edit page: the frames the transcoding job took
 * (and the owner's own picture) as radio buttons, plus "Upload a picture"
 * (at most `maxBytes`, checked here and refused by the server too). An
 * uploaded picture becomes the thumbnail at once (`onUploaded`); a frame is
 * chosen when the form is saved.
 */
export function ThumbnailPicker({ videoId, choices, value, onChange, maxBytes, onUploaded }: { videoId: string; choices: ThumbnailChoice[]; value: string; onChange: (name: string) => void; maxBytes: number; onUploaded: (name: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (file.size > maxBytes) return setError(`Thumbnail pictures can be at most ${formatBytes(maxBytes)}; this one is ${formatBytes(file.size)}.`);
    setError(null);
    setPercent(0);
    try {
      const uploaded = await uploadFile<{ thumbnail: string }>(`/api/videos/${videoId}/thumbnail`, file, { onProgress: (fraction) => setPercent(fraction * 100) });
      onUploaded(uploaded.thumbnail);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The picture could not be uploaded.");
    } finally {
      setPercent(null);
    }
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-fg">Thumbnail</legend>
      <p className="text-sm text-muted">Pick a frame from the video, or upload a picture (JPEG, PNG, WebP, GIF or AVIF, up to {formatBytes(maxBytes)}).</p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {choices.map((choice) => (
          <label key={choice.name} className="group block cursor-pointer space-y-1">
            <input type="radio" name="thumbnail" value={choice.name} checked={value === choice.name} onChange={() => onChange(choice.name)} className="peer sr-only" />
            <span className="block aspect-video overflow-hidden rounded-lg bg-surface-2 ring-offset-2 ring-offset-bg peer-checked:ring-3 peer-checked:ring-accent peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-accent">
              {/* eslint-disable-next-line @next/next/no-img-element -- our own file route with its caching */}
              <img src={choice.url} alt="" className="size-full object-cover" />
            </span>
            <span className={cn("block text-sm", value === choice.name ? "font-medium text-fg" : "text-muted")}>{choice.label}</span>
          </label>
        ))}
      </div>
      {percent !== null ? <ProgressBar label="Uploading the picture" percent={percent} /> : null}
      {error ? <Alert title="Picture refused">{error}</Alert> : null}
      <Button variant="secondary" size="sm" loading={percent !== null} onClick={() => input.current?.click()}>
        Upload a picture
      </Button>
      <input ref={input} type="file" accept={PICTURE_TYPES} aria-label="Thumbnail picture" className="sr-only" onChange={(event) => void upload(event.target.files?.[0])} />
    </fieldset>
  );
}
