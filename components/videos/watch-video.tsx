"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { AutoplayCountdown } from "./autoplay-countdown";
import { sendPositionBeacon } from "./position-beacon";
import { ReactionButtons } from "./reaction-buttons";
import { SubscribeButton } from "./subscribe-button";
import { UpNextList } from "./up-next-list";
import { useFirstFrameGate } from "./use-first-frame-gate";
import { VideoComments } from "./video-comments";
import { VideoPlayer } from "./video-player";
import { channelHref, formatCount, formatDate, VISIBILITY_LABELS } from "./video-format";

/** Closer than this to the end, a saved position starts the video over instead. */
const RESUME_BEFORE_END_SECONDS = 3;

/**
 * The watch page: the player (resuming where I stopped), then title, views,
 * like/dislike, the channel with its subscribe button, date, tags,
 * description and comments, with "Up next" beside them (below on a phone).
 * When the video ends, the first of "Up next" opens after a countdown the
 * viewer can cancel. Its owner also sees a video still processing or failed.
 * `autoplay`: the countdown opened this page, so the video starts by itself.
 */
export function WatchVideo({ id, viewerId, autoplay = false }: { id: string; viewerId: string | null; autoplay?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState(false);
  const secondary = useFirstFrameGate();
  const video = useQuery({ ...trpc.videos.get.queryOptions({ id }), refetchInterval: (query) => (query.state.data?.status === "processing" ? 3_000 : false) });
  const viewer = useQuery({ ...trpc.videos.viewerState.queryOptions({ id }), enabled: video.data?.status === "ready" });
  const upNext = useQuery({ ...trpc.videos.upNext.queryOptions({ id }), enabled: video.data?.status === "ready" && secondary.open });
  const recordView = useMutation(trpc.videos.recordView.mutationOptions());
  const savePosition = useMutation(trpc.videos.history.savePosition.mutationOptions());
  // What the player last reported is where a later visit in this tab resumes, even one served from
  // the cache (a link back within the staleTime, the back button) before the server has heard of it.
  const rememberPosition = (seconds: number) =>
    queryClient.setQueryData(trpc.videos.viewerState.queryKey({ id }), (state) => (state ? { ...state, positionSeconds: seconds } : state));

  if (video.isPending || (video.data?.status === "ready" && viewer.isPending)) {
    return (
      <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading the video">
        <Skeleton className="aspect-video w-full rounded-xl" />
        <Skeleton className="h-6 w-2/3" />
        <Skeleton className="h-4 w-1/3" />
      </div>
    );
  }
  if (video.isError) {
    if (video.error.data?.code === "NOT_FOUND") {
      return (
        <Alert title="Video not found">
          This video does not exist, was deleted, or is private.{" "}
          <Link href="/videos" className="underline">
            Browse videos
          </Link>
        </Alert>
      );
    }
    return <LoadError title="Could not load this video" message={video.error.message} onRetry={() => void video.refetch()} />;
  }

  const data = video.data;
  const state = viewer.data;
  const saved = state?.positionSeconds ?? null;
  const startAt = saved !== null && saved > 0 && saved < (data.durationSeconds ?? 0) - RESUME_BEFORE_END_SECONDS ? saved : null;
  const next = upNext.data?.[0] ?? null;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article className="min-w-0 space-y-6">
        {data.status === "ready" && data.masterUrl ? (
          <div className="space-y-2">
            <VideoPlayer
              src={data.masterUrl}
              poster={data.posterUrl}
              storyboardUrl={secondary.open ? data.storyboardUrl : null}
              captions={data.captions}
              title={data.title}
              startAt={startAt}
              autoPlay={autoplay}
              onFirstFrame={secondary.firstFrame}
              onFirstPlay={() => recordView.mutate({ id })}
              onPosition={
                viewerId
                  ? (seconds) => {
                      rememberPosition(seconds);
                      savePosition.mutate({ videoId: id, positionSeconds: seconds });
                    }
                  : undefined
              }
              onLeave={
                viewerId
                  ? (seconds) => {
                      rememberPosition(seconds);
                      sendPositionBeacon(id, seconds);
                    }
                  : undefined
              }
              onEnded={() => setEnded(true)}
            />
            {ended && next ? <AutoplayCountdown next={next} onPlay={() => router.push(`/videos/${next.id}?autoplay=1`)} onCancel={() => setEnded(false)} /> : null}
          </div>
        ) : data.status === "failed" ? (
          <Alert title="This video could not be processed">{data.failureReason}</Alert>
        ) : (
          <Alert tone="info" title={data.status === "uploading" ? "Upload not finished" : "Transcoding…"}>
            {data.status === "uploading" ? "The upload stopped before the end. Start it again from the upload page with the same file: it continues where it stopped." : `${data.progress}% done. This page updates by itself.`}
          </Alert>
        )}
        <div className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight text-fg">{data.title}</h1>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <Link href={channelHref(data.owner)} className="flex items-center gap-2 rounded-lg font-medium text-fg hover:text-accent-text">
                <Avatar name={data.owner.name} image={data.owner.image} size="sm" />
                {data.owner.name}
              </Link>
              {state ? <span className="text-sm text-muted">{formatCount(state.subscriberCount, "subscriber")}</span> : null}
              {state ? <SubscribeButton channel={data.owner} subscribed={state.subscribed} viewerId={viewerId} next={`/videos/${id}`} /> : null}
            </div>
            {data.status === "ready" ? <ReactionButtons videoId={id} reaction={state?.reaction ?? null} likeCount={data.likeCount} dislikeCount={data.dislikeCount} viewerId={viewerId} /> : null}
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted">
            <span>{formatCount(data.viewCount, "view")}</span>
            <span>{formatDate(data.publishedAt ?? data.createdAt)}</span>
            {data.visibility !== "public" ? <Badge>{VISIBILITY_LABELS[data.visibility]}</Badge> : null}
            {data.renditions.length > 0 ? <span>{`Up to ${data.renditions.at(-1)?.name}`}</span> : null}
            {data.isOwner ? (
              <>
                <Link href={`/videos/${id}/edit`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  Edit video
                </Link>
                <Link href="/videos/mine" className={buttonClasses({ variant: "ghost", size: "sm" })}>
                  Manage my videos
                </Link>
              </>
            ) : null}
          </div>
          {data.tags.length > 0 ? (
            <ul className="flex flex-wrap gap-2" aria-label="Tags">
              {data.tags.map((tag) => (
                <li key={tag}>
                  <Badge tone="accent">#{tag}</Badge>
                </li>
              ))}
            </ul>
          ) : null}
          {data.description ? <p className="whitespace-pre-line text-fg">{data.description}</p> : null}
        </div>
        {data.status === "ready" ? <VideoComments videoId={id} commentCount={data.commentCount} viewerId={viewerId} load={secondary.open} /> : null}
      </article>
      {data.status === "ready" ? (
        <aside className="min-w-0">
          <UpNextList query={upNext} />
        </aside>
      ) : null}
    </div>
  );
}
