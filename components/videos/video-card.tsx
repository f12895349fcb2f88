import Link from "next/link";
import type { VideoView } from "@/server/videos/video-view";
import { formatDate, formatDuration } from "./video-format";

/** A ready video in a grid: poster with its duration, title, channel and date; the whole card links to the watch page. */
export function VideoCard({ video }: { video: VideoView }) {
  return (
    <Link href={`/videos/${video.id}`} className="group block rounded-xl focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent">
      <div className="relative aspect-video overflow-hidden rounded-xl bg-surface-2">
        {video.posterUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by our own file route with its caching; next/image would re-encode it
          <img src={video.posterUrl} alt="" loading="lazy" className="size-full object-cover transition-transform group-hover:scale-[1.02]" />
        ) : null}
        {video.durationSeconds ? (
          <span className="absolute right-2 bottom-2 rounded bg-black/80 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">{formatDuration(video.durationSeconds)}</span>
        ) : null}
      </div>
      <div className="mt-3 space-y-0.5">
        <h3 className="line-clamp-2 font-semibold text-fg group-hover:text-accent-text">{video.title}</h3>
        <p className="text-sm text-muted">{video.owner.name}</p>
        <p className="text-sm text-muted">{formatDate(video.publishedAt)}</p>
      </div>
    </Link>
  );
}
