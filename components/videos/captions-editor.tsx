"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { useToast } from "@/components/ui/toast";
import { uploadFile } from "@/components/ui/upload-file";
import type { CaptionTrack } from "@/server/videos/captions/caption-tracks";
import { formatBytes } from "./video-format";

/** The languages offered for a new track (the server takes any language code). */
const LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "pt-BR", "nl", "sv", "pl", "uk", "ru", "tr", "ar", "hi", "ja", "ko", "zh"] as const;
const names = new Intl.DisplayNames(["en"], { type: "language" });

/**
 * The edit page's captions: the tracks the video has (each removable) and an
 * upload of a .vtt or .srt file per language (at most `maxBytes`, checked
 * here and refused by the server too, which also checks the text). A
 * language uploaded again is replaced. `onChange` refreshes the list.
 */
export function CaptionsEditor({ videoId, tracks, maxBytes, onChange }: { videoId: string; tracks: CaptionTrack[]; maxBytes: number; onChange: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const languageId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [language, setLanguage] = useState<string>("en");
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.videos.captions.remove.mutationOptions({
      onSuccess: async () => {
        toast.show({ tone: "success", title: "Captions removed." });
        await onChange();
      },
      onError: (failure) => toast.show({ tone: "error", title: "Could not remove the captions", description: failure.message }),
    }),
  );

  const upload = async (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    if (file.size > maxBytes) return setError(`Captions files can be at most ${formatBytes(maxBytes)}; this one is ${formatBytes(file.size)}.`);
    setError(null);
    setPercent(0);
    try {
      await uploadFile(`/api/videos/${videoId}/captions/${encodeURIComponent(language)}`, file, { onProgress: (fraction) => setPercent(fraction * 100) });
      toast.show({ tone: "success", title: `${names.of(language) ?? language} captions added.` });
      await onChange();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The captions could not be uploaded.");
    } finally {
      setPercent(null);
    }
  };

  return (
    <section className="space-y-3" aria-labelledby={`${languageId}-title`}>
      <h2 id={`${languageId}-title`} className="text-sm font-medium text-fg">
        Captions
      </h2>
      {tracks.length === 0 ? (
        <p className="text-sm text-muted">No captions yet. Viewers can turn them on from the player&apos;s CC menu.</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Captions tracks">
          {tracks.map((track) => (
            <li key={track.language} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="text-fg">{track.label}</span>
              <Button variant="ghost" size="sm" loading={remove.isPending && remove.variables?.language === track.language} onClick={() => remove.mutate({ videoId, language: track.language })} aria-label={`Remove ${track.label} captions`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <label htmlFor={languageId} className="space-y-1.5 text-sm font-medium text-fg">
          <span className="block">Language</span>
          <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value)} className="h-9 rounded-lg border border-border bg-surface px-2 text-fg">
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {names.of(code) ?? code}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" size="sm" loading={percent !== null} onClick={() => input.current?.click()}>
          Upload captions
        </Button>
        <input ref={input} type="file" accept=".vtt,.srt,text/vtt" aria-label="Captions file" className="sr-only" onChange={(event) => void upload(event.target.files?.[0])} />
      </div>
      <p className="text-sm text-muted">A WebVTT (.vtt) or SubRip (.srt) file, up to {formatBytes(maxBytes)}. Uploading a language again replaces it.</p>
      {percent !== null ? <ProgressBar label="Uploading the captions" percent={percent} /> : null}
      {error ? <Alert title="Captions refused">{error}</Alert> : null}
    </section>
  );
}
