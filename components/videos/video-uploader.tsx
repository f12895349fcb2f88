"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState, type DragEvent, type FormEvent } from "react";
import type { Upload } from "tus-js-client";
import { useChannelEvent } from "@/components/realtime/realtime-provider";
import { useTRPC, useTRPCClient } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { VIDEO_EVENTS, videoChannel, type VideoAssemblingEvent, type VideoProgressEvent, type VideoStatusEvent } from "@/server/videos/video-channels";
import { ProgressBar } from "@/components/ui/progress-bar";
import { startVideoUpload } from "./tus-upload";
import { tagsOf, VideoDetailsFields, type VideoDetailsDraft } from "./video-details-fields";
import { formatBytes } from "./video-format";

type Stage = { name: "form" } | { name: "uploading"; percent: number } | { name: "processing" } | { name: "ready" } | { name: "failed"; reason: string };

/**
 * /videos/upload: drop or pick a file, describe it, then watch it go up (tus,
 * resumable) and through transcoding (live progress per rendition from the
 * gateway, with the video's status read every few seconds as a fallback)
 * until it is ready to watch. Cancel stops the upload and removes the video.
 * `chunkBytes`: the server's largest upload chunk (VIDEO_UPLOAD_CHUNK_BYTES).
 */
export function VideoUploader({ chunkBytes }: { chunkBytes: number }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [fields, setFields] = useState<VideoDetailsDraft>({ title: "", description: "", tagText: "", visibility: "public" });
  const [stage, setStage] = useState<Stage>({ name: "form" });
  const [error, setError] = useState<string | null>(null);
  const [videoId, setVideoId] = useState<string | null>(null);
  const [assembled, setAssembled] = useState<VideoAssemblingEvent | null>(null);
  const [progress, setProgress] = useState<VideoProgressEvent | null>(null);
  const upload = useRef<Upload | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const processing = stage.name === "processing";
  // The gateway carries progress live; this read catches a missed "ready" (or a page opened mid-way).
  const status = useQuery({ ...trpc.videos.get.queryOptions({ id: videoId ?? "" }), enabled: processing && videoId !== null, refetchInterval: 3_000 });
  if (processing && status.data?.status === "ready") setStage({ name: "ready" });
  if (processing && status.data?.status === "failed") setStage({ name: "failed", reason: status.data.failureReason ?? "Transcoding failed." });

  useChannelEvent<VideoAssemblingEvent>(videoId ? videoChannel(videoId) : null, VIDEO_EVENTS.assembling, setAssembled);
  useChannelEvent<VideoProgressEvent>(videoId ? videoChannel(videoId) : null, VIDEO_EVENTS.progress, setProgress);
  useChannelEvent<VideoStatusEvent>(videoId ? videoChannel(videoId) : null, VIDEO_EVENTS.status, (event) =>
    setStage(event.status === "ready" ? { name: "ready" } : { name: "failed", reason: event.failureReason ?? "Transcoding failed." }),
  );

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setError(null);
    if (!fields.title) setFields((current) => ({ ...current, title: chosen.name.replace(/\.[^.]+$/, "").slice(0, 100) }));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError("Choose a video file first.");
    if (!fields.title.trim()) return setError("Give the video a title.");
    setError(null);
    setStage({ name: "uploading", percent: 0 });
    const { tagText, ...details } = fields;
    upload.current = await startVideoUpload(file, { ...details, tags: tagsOf(tagText) }, {
      onCreated: setVideoId,
      onProgress: (percent) => setStage({ name: "uploading", percent }),
      onSuccess: () => setStage({ name: "processing" }),
      onError: (message) => {
        setError(message);
        setStage({ name: "form" });
      },
    }, chunkBytes);
  };

  const cancel = async () => {
    if (stage.name === "uploading") await upload.current?.abort(true).catch(() => undefined);
    else if (videoId) await client.videos.delete.mutate({ id: videoId }).catch(() => undefined);
    upload.current = null;
    setVideoId(null);
    setAssembled(null);
    setProgress(null);
    setStage({ name: "form" });
  };

  if (stage.name !== "form") {
    return (
      <Card className="space-y-6 p-6">
        <div>
          <h2 className="text-lg font-semibold text-fg">{fields.title}</h2>
          {file ? <p className="text-sm text-muted">{`${file.name} · ${formatBytes(file.size)}`}</p> : null}
        </div>
        <ProgressBar label="Upload" percent={stage.name === "uploading" ? stage.percent : 100} tone={stage.name === "uploading" ? "accent" : "success"} />
        {stage.name === "processing" ? (
          <section aria-label="Transcoding" className="space-y-3">
            <p className="text-sm text-muted" role="status">
              {progress ? "Transcoding into every quality at once…" : assembled ? "Putting the uploaded pieces together…" : "Uploaded. Waiting for a transcoder…"}
            </p>
            {assembled && !progress ? <ProgressBar label="Assembling the upload" percent={assembled.percent} /> : null}
            {progress?.renditions.map((name) => <ProgressBar key={name} label={`Transcoding ${name}`} percent={progress.percent} />)}
          </section>
        ) : null}
        {stage.name === "ready" && videoId ? (
          <Alert tone="success" title="Your video is ready">
            <Link href={`/videos/${videoId}`} className="font-medium underline">
              Watch it now
            </Link>
          </Alert>
        ) : null}
        {stage.name === "failed" ? <Alert title="This video could not be processed">{stage.reason}</Alert> : null}
        <div className="flex gap-2">
          {stage.name === "uploading" || stage.name === "processing" ? (
            <Button variant="secondary" onClick={() => void cancel()}>
              Cancel
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={() => void cancel()}>
                Upload another
              </Button>
              <Link href="/videos/mine" className={buttonClasses({ variant: "ghost" })}>
                My videos
              </Link>
            </>
          )}
        </div>
      </Card>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-6" noValidate>
      {error ? <Alert title="Upload refused">{error}</Alert> : null}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn("flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-10 text-center", dragging ? "border-accent bg-accent-soft" : "border-border")}
      >
        <p className="text-base font-medium text-fg">{file ? file.name : "Drag and drop a video here"}</p>
        <p className="text-sm text-muted">{file ? formatBytes(file.size) : "MP4, MOV, WebM, MKV… up to 2 GB. Uploads resume if the connection drops."}</p>
        <Button variant="secondary" onClick={() => input.current?.click()}>
          {file ? "Choose another file" : "Choose a file"}
        </Button>
        <input ref={input} type="file" accept="video/*,.mkv,.mov" aria-label="Video file" className="sr-only" onChange={(event) => choose(event.target.files?.[0])} />
      </div>
      <VideoDetailsFields value={fields} onChange={setFields} />
      <Button type="submit" disabled={!file}>
        Upload
      </Button>
    </form>
  );
}
