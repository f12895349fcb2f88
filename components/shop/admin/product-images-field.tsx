"use client";

import { useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { uploadFile } from "@/components/ui/upload-file";
import { PRODUCT_IMAGES_MAX } from "@/server/shop/admin-products/product-fields";

type Upload = { name: string; index: number; count: number; fraction: number };

/**
 * A product's gallery in the admin form: thumbnails in gallery order (the
 * first is the main picture) to reorder or remove, pictures uploaded from the
 * computer with a progress bar (POST /api/shop/product-images, stored as
 * WebP), or an image URL pasted in. Nothing is saved until the form is.
 */
export function ProductImagesField({ images, onChange, error }: { images: string[]; onChange: (images: string[]) => void; error?: string }) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const room = PRODUCT_IMAGES_MAX - images.length;

  const uploadChosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = "";
    setProblem(files.length > room ? `Only ${room} more ${room === 1 ? "image fits" : "images fit"}; the first ${room} were added.` : null);
    let gallery = images;
    for (const [index, file] of files.slice(0, room).entries()) {
      setUpload({ name: file.name, index, count: Math.min(files.length, room), fraction: 0 });
      try {
        const { url } = await uploadFile<{ url: string }>("/api/shop/product-images", file, {
          onProgress: (fraction) => setUpload((current) => current && { ...current, fraction }),
        });
        gallery = [...gallery, url];
        onChange(gallery);
      } catch (failure) {
        setProblem(`${file.name}: ${failure instanceof Error ? failure.message : "upload failed."}`);
        break;
      }
    }
    setUpload(null);
  };

  const addPasted = () => {
    const url = pasted.trim();
    if (!url) return;
    onChange([...images, url]);
    setPasted("");
  };

  const moveEarlier = (index: number) => {
    const next = [...images];
    [next[index - 1], next[index]] = [next[index] ?? "", next[index - 1] ?? ""];
    onChange(next);
  };

  return (
    <Field label="Images" hint={`The first is the main picture. JPEG, PNG, WebP, GIF or AVIF; up to ${PRODUCT_IMAGES_MAX}.`} error={problem ?? error}>
      {(props) => (
        <div className="space-y-3">
          {images.length > 0 ? (
            <ol className="flex flex-wrap gap-3" aria-label="Gallery order">
              {images.map((url, index) => (
                <li key={`${url}-${index}`} className="w-24 space-y-1">
                  {/* eslint-disable-next-line @next/next/no-img-element -- any URL staff enter, so not next/image */}
                  <img src={url} alt={`Image ${index + 1}`} className="aspect-square w-24 rounded-lg border border-border bg-surface-2 object-cover" />
                  <div className="flex justify-between">
                    <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => moveEarlier(index)} aria-label={`Move image ${index + 1} earlier`}>
                      ←
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => onChange(images.filter((_, kept) => kept !== index))} aria-label={`Remove image ${index + 1}`}>
                      ✕
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted">No images yet: the shop shows a placeholder.</p>
          )}
          {upload ? (
            <div className="space-y-1" aria-live="polite">
              <p className="text-sm text-fg">
                Uploading {upload.name} ({upload.index + 1} of {upload.count})… {Math.round(upload.fraction * 100)}%
              </p>
              <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(upload.fraction * 100)} className="h-2 overflow-hidden rounded-full bg-surface-2">
                <div className="h-full bg-accent transition-[width]" style={{ width: `${upload.fraction * 100}%` }} />
              </div>
            </div>
          ) : null}
          <input
            {...props}
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            disabled={room <= 0 || upload !== null}
            onChange={(event) => void uploadChosen(event)}
            className="block w-full text-sm text-muted file:mr-3 file:rounded-lg file:border-0 file:bg-accent file:px-3 file:py-1.5 file:font-medium file:text-accent-fg disabled:opacity-60"
          />
          <div className="flex gap-2">
            <Input
              aria-label="Image URL"
              placeholder="Or paste an image URL (https://…)"
              value={pasted}
              onChange={(event) => setPasted(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  addPasted();
                }
              }}
              disabled={room <= 0}
            />
            <Button variant="secondary" onClick={addPasted} disabled={room <= 0 || !pasted.trim()}>
              Add
            </Button>
          </div>
        </div>
      )}
    </Field>
  );
}
