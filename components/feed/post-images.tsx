import { cn } from "@/components/ui/cn";
import type { PostImageView } from "@/server/feed/hydrate/post-view";

/**
 * A post's pictures as Twitter lays them out: one at its own shape (capped
 * height), two to four in a grid of crops. Each opens full size; alt text is
 * the image's alt and shows as an "ALT" badge's tooltip.
 */
export function PostImages({ images }: { images: PostImageView[] }) {
  if (images.length === 0) return null;
  const single = images.length === 1;
  return (
    <ul aria-label={`${images.length} ${single ? "picture" : "pictures"}`} className={cn("mt-2 grid gap-1 overflow-hidden rounded-xl border border-border", single ? "grid-cols-1" : "grid-cols-2")}>
      {images.map((image, index) => (
        <li key={image.url} className={cn("relative", images.length === 3 && index === 0 && "row-span-2")}>
          <a href={image.url} target="_blank" rel="noreferrer" className="block h-full">
            {/* eslint-disable-next-line @next/next/no-img-element -- our own stored WebP, already sized by the server */}
            <img
              src={image.url}
              alt={image.alt || `Picture ${index + 1} of ${images.length}`}
              width={image.width}
              height={image.height}
              loading="lazy"
              className={cn("w-full bg-surface-2 object-cover", single ? "max-h-[32rem]" : "aspect-square h-full")}
            />
          </a>
          {image.alt ? (
            <span title={image.alt} className="absolute bottom-1 left-1 rounded bg-black/70 px-1 text-[10px] font-semibold text-white">
              ALT
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
