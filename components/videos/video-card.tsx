import Link from "next/link";
import type { VideoView } from "@/server/videos/video-view";
import { formatCount, formatDate, formatDuration } from "./video-format";

/**
 * A ready video in a grid or row: poster with its duration (and how far I
 * watched, 0–1, in "Continue watching"), title, channel, views and date;
 * the whole card links to the watch page.
 */
export function VideoCard({ video, watched }: { video: VideoView; watched?: number }) {
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
        {watched !== undefined ? (
          <div role="progressbar" aria-label="Watched" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(watched * 100)} className="absolute inset-x-0 bottom-0 h-1 bg-white/40">
            <div className="h-full bg-danger" style={{ width: `${Math.round(watched * 100)}%` }} />
          </div>
        ) : null}
      </div>
      <div className="mt-3 space-y-0.5">
        <h3 className="line-clamp-2 font-semibold text-fg group-hover:text-accent-text">{video.title}</h3>
        <p className="text-sm text-muted">{video.owner.name}</p>
        <p className="text-sm text-muted">
          {formatCount(video.viewCount, "view")} · {formatDate(video.publishedAt)}
        </p>
      </div>
    </Link>
  );
}
