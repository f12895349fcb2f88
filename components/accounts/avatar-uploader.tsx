"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";

/** Pick a picture, upload it to /api/accounts/avatar (resized to 256×256 there), or go back to initials. */
export function AvatarUploader({ name, image, maxBytes }: { name: string; image: string | null; maxBytes: number }) {
  const maxSize = formatMegabytes(maxBytes);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.accounts.profile.queryKey() });
    router.refresh();
  };

  const remove = useMutation(
    trpc.accounts.removeAvatar.mutationOptions({
      onSuccess: () => {
        toast.show({ tone: "success", title: "Picture removed" });
        refresh();
      },
      onError: (failure) => setError(failure.message),
    }),
  );

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    if (!file.type.startsWith("image/")) return setError("Choose an image file (JPEG, PNG, WebP, GIF or AVIF).");
    // Checked here to save a pointless upload; the server enforces the same limit.
    if (file.size > maxBytes) return setError(`Images can be at most ${maxSize}.`);
    setUploading(true);
    try {
      const response = await fetch("/api/accounts/avatar", { method: "POST", body: file, headers: { "content-type": file.type } });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        setError(message ?? "The upload failed. Please try again.");
        return;
      }
      toast.show({ tone: "success", title: "Picture updated" });
      refresh();
    } catch {
      setError("The upload failed: check your connection and try again.");
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card>
      <CardBody className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <Avatar name={name} image={image} size="lg" />
        <div className="flex-1 space-y-1">
          <h2 className="text-base font-semibold text-fg">Profile picture</h2>
          <p className="text-sm text-muted">A JPEG, PNG, WebP, GIF or AVIF image up to {maxSize}; it is cropped to a square.</p>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
        </div>
        <div className="flex gap-2">
          <input ref={input} type="file" accept="image/*" className="sr-only" aria-label="Upload a profile picture" tabIndex={-1} onChange={(event) => void upload(event)} />
          <Button variant="secondary" loading={uploading} onClick={() => input.current?.click()}>
            {uploading ? "Uploading…" : image ? "Change picture" : "Upload picture"}
          </Button>
          {image ? (
            <Button variant="ghost" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove
            </Button>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
