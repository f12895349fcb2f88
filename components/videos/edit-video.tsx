"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import type { VideoForEdit } from "@/server/videos/edit/get-video-for-edit";
import { CaptionsEditor } from "./captions-editor";
import { ThumbnailPicker } from "./thumbnail-picker";
import { tagsOf, VideoDetailsFields, type VideoDetailsDraft, type VideoDetailsErrors } from "./video-details-fields";

type Limits = { thumbnailMaxBytes: number; captionMaxBytes: number };

/** /videos/<id>/edit: the owner changes a video's details, thumbnail and captions after the upload. */
export function EditVideo({ id, limits }: { id: string; limits: Limits }) {
  const trpc = useTRPC();
  const video = useQuery(trpc.videos.edit.queryOptions({ id }));
  if (video.isPending) {
    return (
      <div className="space-y-4" role="status" aria-busy="true" aria-label="Loading the video">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="aspect-video w-1/4 rounded-lg" />
      </div>
    );
  }
  if (video.isError) {
    if (video.error.data?.code === "NOT_FOUND") {
      return (
        <Alert title="Video not found">
          This video does not exist or is not yours.{" "}
          <Link href="/videos/mine" className="underline">
            My videos
          </Link>
        </Alert>
      );
    }
    return <LoadError title="Could not load this video" message={video.error.message} onRetry={() => void video.refetch()} />;
  }
  return (
    <div className="max-w-3xl space-y-10">
      <EditVideoForm key={video.data.id} video={video.data} thumbnailMaxBytes={limits.thumbnailMaxBytes} />
      <CaptionsEditor videoId={video.data.id} tracks={video.data.captions} maxBytes={limits.captionMaxBytes} onChange={() => video.refetch()} />
    </div>
  );
}

function EditVideoForm({ video, thumbnailMaxBytes }: { video: VideoForEdit; thumbnailMaxBytes: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<VideoDetailsDraft>({ title: video.title, description: video.description, tagText: video.tags.join(", "), visibility: video.visibility });
  const [thumbnail, setThumbnail] = useState(video.thumbnail);
  const [errors, setErrors] = useState<VideoDetailsErrors & { form?: string }>({});
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.videos.edit.queryKey({ id: video.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.videos.get.queryKey({ id: video.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.videos.mine.queryKey() }),
    ]);
  const save = useMutation(
    trpc.videos.update.mutationOptions({
      onSuccess: async () => {
        setErrors({});
        toast.show({ tone: "success", title: "Saved." });
        await refresh();
      },
      onError: (error) => {
        const fields = error.data?.fieldErrors as Partial<Record<string, string[]>> | null | undefined;
        const found: VideoDetailsErrors = { title: fields?.title?.[0], description: fields?.description?.[0], tags: fields?.tags?.[0] };
        setErrors(Object.values(found).some(Boolean) ? found : { form: error.message });
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) return setErrors({ title: "Give the video a title." });
    const { tagText, ...details } = draft;
    save.mutate({ id: video.id, ...details, tags: tagsOf(tagText), thumbnail });
  };

  return (
    <form onSubmit={submit} className="space-y-6" noValidate aria-label="Edit video">
      {errors.form ? <Alert title="Not saved">{errors.form}</Alert> : null}
      <VideoDetailsFields value={draft} onChange={setDraft} errors={errors} />
      {video.status === "ready" ? (
        <ThumbnailPicker
          videoId={video.id}
          choices={video.thumbnails}
          value={thumbnail}
          onChange={setThumbnail}
          maxBytes={thumbnailMaxBytes}
          onUploaded={(name) => {
            setThumbnail(name);
            toast.show({ tone: "success", title: "Your picture is now the thumbnail." });
            void refresh();
          }}
        />
      ) : (
        <p className="text-sm text-muted">A thumbnail can be chosen once the video is ready.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending}>
          Save
        </Button>
        <Link href={`/videos/${video.id}`} className={buttonClasses({ variant: "secondary" })}>
          View video
        </Link>
        <Link href="/videos/mine" className={buttonClasses({ variant: "ghost" })}>
          My videos
        </Link>
      </div>
    </form>
  );
}
