"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ProgressBar } from "@/components/ui/progress-bar";
import { IMAGE_ALT_MAX_LENGTH } from "@/server/feed/media/post-image-limits";
import type { PickedImage } from "./use-post-images";

/** The chosen pictures under the compose box: preview, upload progress or error, alt text, remove. */
export function ComposeImages({ images, onRemove, onAlt }: { images: PickedImage[]; onRemove: (localId: string) => void; onAlt: (localId: string, alt: string) => void }) {
  if (images.length === 0) return null;
  return (
    <ul aria-label="Pictures to post" className="grid grid-cols-2 gap-3">
      {images.map((image, index) => (
        <li key={image.localId} className="space-y-2 rounded-lg border border-border p-2">
          <div className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local data: URL, not a served image */}
            <img src={image.previewUrl} alt="" className="aspect-video w-full rounded-md bg-surface-2 object-cover" />
            <Button size="sm" variant="secondary" className="absolute right-1 top-1" aria-label={`Remove picture ${index + 1}`} onClick={() => onRemove(image.localId)}>
              ✕
            </Button>
          </div>
          {image.error ? (
            <p role="alert" className="text-sm text-danger">
              {image.name}: {image.error}
            </p>
          ) : image.uploaded ? null : (
            <ProgressBar label={`Uploading ${image.name}`} percent={image.fraction * 100} />
          )}
          <label className="block text-xs font-medium text-muted">
            Alt text for picture {index + 1}
            <Input
              value={image.alt}
              maxLength={IMAGE_ALT_MAX_LENGTH}
              placeholder="Describe it for people who cannot see it"
              onChange={(event) => onAlt(image.localId, event.target.value)}
              className="mt-1 h-9"
            />
          </label>
        </li>
      ))}
    </ul>
  );
}
