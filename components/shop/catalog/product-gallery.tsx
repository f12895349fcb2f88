"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";

/** The product's pictures: one large, the rest as thumbnails that swap it (buttons, so keyboards work too). */
export function ProductGallery({ images, name }: { images: string[]; name: string }) {
  const [selected, setSelected] = useState(0);
  const current = images[selected] ?? images[0];
  return (
    <div className="space-y-3">
      <div className="aspect-square overflow-hidden rounded-2xl border border-border bg-surface-2">
        {current ? (
          // eslint-disable-next-line @next/next/no-img-element -- static SVGs and external URLs; no resizing needed
          <img src={current} alt={`${name}, picture ${selected + 1} of ${images.length}`} className="size-full object-cover" width={800} height={800} data-testid="gallery-main" />
        ) : (
          <div className="flex size-full items-center justify-center text-sm text-muted">No picture yet</div>
        )}
      </div>
      {images.length > 1 ? (
        <ul className="flex gap-2" aria-label="Pictures">
          {images.map((image, index) => (
            <li key={image}>
              <button
                type="button"
                onClick={() => setSelected(index)}
                aria-label={`Show picture ${index + 1}`}
                aria-pressed={index === selected}
                className={cn(
                  "size-16 overflow-hidden rounded-lg border-2 bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring sm:size-20",
                  index === selected ? "border-accent" : "border-transparent opacity-80 hover:opacity-100",
                )}
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- thumbnails of the same static files */}
                <img src={image} alt="" className="size-full object-cover" width={80} height={80} />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
