"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { VideoView } from "@/server/videos/video-view";
import { formatBytes, formatDate, formatDuration, VISIBILITY_LABELS } from "./video-format";

const STATUS: Record<VideoView["status"], { label: string; tone: BadgeTone }> = {
  uploading: { label: "Uploading", tone: "warning" },
  processing: { label: "Processing", tone: "accent" },
  ready: { label: "Ready", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

/** "My videos": every upload of mine whatever its status, with the failure reason, edit (edit-video.tsx), and delete (files and all) after a confirmation. */
export function MyVideos() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const videos = useQuery({ ...trpc.videos.mine.queryOptions(), refetchInterval: (query) => (query.state.data?.some((video) => video.status === "processing") ? 3_000 : false) });
  const [deleting, setDeleting] = useState<VideoView | null>(null);
  const remove = useMutation(
    trpc.videos.delete.mutationOptions({
      onSuccess: async () => {
        toast.show({ tone: "success", title: `Deleted “${deleting?.title ?? "the video"}”.` });
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.videos.mine.queryKey() });
      },
      onError: (error) => toast.show({ tone: "error", title: error.message }),
    }),
  );

  if (videos.isPending) {
    return (
      <div className="space-y-3" role="status" aria-busy="true" aria-label="Loading your videos">
        {Array.from({ length: 3 }, (_, index) => (
          <Skeleton key={index} className="h-20 w-full rounded-xl" />
        ))}
      </div>
    );
  }
  if (videos.isError) return <LoadError title="Could not load your videos" message={videos.error.message} onRetry={() => void videos.refetch()} />;
  if (videos.data.length === 0) {
    return (
      <EmptyState
        title="You have not uploaded any videos"
        description="Upload one and it is transcoded into every quality a player needs."
        action={
          <Link href="/videos/upload" className={buttonClasses()}>
            Upload a video
          </Link>
        }
      />
    );
  }

  return (
    <>
      <ul className="divide-y divide-border rounded-xl border border-border" aria-label="My videos">
        {videos.data.map((video) => (
          <li key={video.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center">
            <div className="aspect-video w-full shrink-0 overflow-hidden rounded-lg bg-surface-2 sm:w-40">
              {/* eslint-disable-next-line @next/next/no-img-element -- our own file route with its caching */}
              {video.posterUrl ? <img src={video.posterUrl} alt="" className="size-full object-cover" /> : null}
            </div>
            <div className="min-w-0 flex-1 space-y-1">
              <Link href={`/videos/${video.id}`} className="font-semibold text-fg hover:text-accent-text">
                {video.title}
              </Link>
              <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                <Badge tone={STATUS[video.status].tone}>{video.status === "processing" ? `Processing ${video.progress}%` : STATUS[video.status].label}</Badge>
                <span>{VISIBILITY_LABELS[video.visibility]}</span>
                <span>{formatDate(video.createdAt)}</span>
                {video.durationSeconds ? <span>{formatDuration(video.durationSeconds)}</span> : null}
                <span>{formatBytes(video.sizeBytes)}</span>
              </div>
              {video.status === "failed" && video.failureReason ? <p className="text-sm text-danger">{video.failureReason}</p> : null}
            </div>
            <div className="flex gap-2">
              <Link href={`/videos/${video.id}/edit`} className={buttonClasses({ variant: "secondary", size: "sm" })} aria-label={`Edit ${video.title}`}>
                Edit
              </Link>
              <Button variant="secondary" size="sm" onClick={() => setDeleting(video)} aria-label={`Delete ${video.title}`}>
                Delete
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete this video?"
        description={`“${deleting?.title ?? ""}” and all its files (the source and every quality) are removed for good.`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => deleting && remove.mutate({ id: deleting.id })}>
              Delete
            </Button>
          </>
        }
      />
    </>
  );
}
