"use client";

import { toDataURL, toString as toSvgString } from "qrcode";
import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

type QrImages = { png: string; svg: string };

// Dark on white in both themes: many scanners fail on inverted codes.
const QR_OPTIONS = { margin: 2, errorCorrectionLevel: "M", color: { dark: "#0f172a", light: "#ffffff" } } as const;

/** A QR code for `value`, drawn in the browser, with PNG and SVG downloads named after `fileName`. */
export function QrCode({ value, fileName }: { value: string; fileName: string }) {
  const [images, setImages] = useState<{ value: string; images: QrImages } | { value: string; error: string } | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([toDataURL(value, { ...QR_OPTIONS, width: 512 }), toSvgString(value, { ...QR_OPTIONS, type: "svg" })]).then(
      ([png, svg]) => {
        if (current) setImages({ value, images: { png, svg: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` } });
      },
      (error: unknown) => {
        if (current) setImages({ value, error: error instanceof Error ? error.message : "The QR code could not be drawn." });
      },
    );
    return () => {
      current = false;
    };
  }, [value]);

  if (!images || images.value !== value) return <Skeleton className="size-40" />;
  if ("error" in images) return <p className="text-sm text-danger">{images.error}</p>;
  return (
    <div className="flex flex-col items-center gap-3">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn in the browser */}
      <img src={images.images.svg} alt={`QR code for ${value}`} width={160} height={160} className="size-40 rounded-lg border border-border bg-white" />
      <div className="flex gap-2">
        <a href={images.images.png} download={`${fileName}.png`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          PNG
          <span className="sr-only"> download of the QR code</span>
        </a>
        <a href={images.images.svg} download={`${fileName}.svg`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          SVG
          <span className="sr-only"> download of the QR code</span>
        </a>
      </div>
    </div>
  );
}
