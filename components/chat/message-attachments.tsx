"use client";

import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { ChatAttachment } from "./chat-types";

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / 1024 / 1024)} MB`;
}

/** Images as thumbnails that open a lightbox; other files as download cards. */
export function MessageAttachments({ attachments }: { attachments: ChatAttachment[] }) {
  const [open, setOpen] = useState<ChatAttachment | null>(null);
  if (attachments.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-2">
      {attachments.map((attachment) =>
        attachment.contentType.startsWith("image/") ? (
          <button
            key={attachment.key}
            type="button"
            onClick={() => setOpen(attachment)}
            aria-label={`Open image ${attachment.name}`}
            className="overflow-hidden rounded-lg border border-border focus-visible:outline-2 focus-visible:outline-ring"
          >
            {/* eslint-disable-next-line @next/next/no-img-element -- a members-only thumbnail from our file route */}
            <img
              src={attachment.thumbUrl ?? attachment.url}
              alt={attachment.name}
              width={attachment.width ?? 240}
              height={attachment.height ?? 180}
              className="block max-h-60 w-auto max-w-60 object-cover"
            />
          </button>
        ) : (
          <a
            key={attachment.key}
            href={`${attachment.url}?download=1`}
            download={attachment.name}
            className="flex items-center gap-3 rounded-lg border border-border bg-surface px-3 py-2 text-fg hover:bg-surface-2"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-6 text-muted" fill="currentColor">
              <path d="M4 2.75C4 1.78 4.78 1 5.75 1h5.69c.46 0 .9.18 1.23.51l3.82 3.82c.33.33.51.77.51 1.23v10.69c0 .97-.78 1.75-1.75 1.75h-9.5C4.78 19 4 18.22 4 17.25V2.75Z" />
            </svg>
            <span className="min-w-0">
              <span className="block max-w-48 truncate text-sm font-medium">{attachment.name}</span>
              <span className="block text-xs text-muted">
                {formatBytes(attachment.size)} · Download
              </span>
            </span>
          </a>
        ),
      )}
      <Dialog open={open !== null} onClose={() => setOpen(null)} title={open?.name ?? "Image"} className="w-[min(64rem,calc(100vw-2rem))]">
        {open ? (
          <div className="space-y-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- the full image from our file route */}
            <img src={open.url} alt={open.name} className="mx-auto max-h-[70vh] w-auto rounded-lg" />
            <div className="flex justify-end gap-3 text-sm">
              <a href={`${open.url}?download=1`} className="text-accent-text underline">
                Download
              </a>
              <button type="button" onClick={() => setOpen(null)} className="text-accent-text underline">
                Close
              </button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </div>
  );
}
