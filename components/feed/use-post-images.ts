"use client";

import { useCallback, useState } from "react";
import { uploadFile } from "@/components/ui/upload-file";
import { POST_IMAGES_MAX } from "@/server/feed/media/post-image-limits";
import type { UploadedPostImage } from "@/server/feed/media/upload-post-image";

export type PickedImage = {
  localId: string;
  name: string;
  /**
   * The chosen file as a data: URL, so the preview shows before the upload
   * ends (a blob: URL would trip the page's connect-src policy in Chromium).
   */
  previewUrl: string;
  fraction: number;
  uploaded: UploadedPostImage | null;
  error: string | null;
  alt: string;
};

/**
 * The pictures of a post being written: each file uploads as soon as it is
 * chosen (POST /api/feed/images, with its progress), keeps a local preview,
 * and takes alt text. `payload` is what feed.posts.create wants once every
 * picture has uploaded.
 */
export function usePostImages() {
  const [images, setImages] = useState<PickedImage[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const update = useCallback((localId: string, change: Partial<PickedImage>) => {
    setImages((current) => current.map((image) => (image.localId === localId ? { ...image, ...change } : image)));
  }, []);

  const add = useCallback(
    async (files: File[]) => {
      const room = POST_IMAGES_MAX - images.length;
      setNotice(files.length > room ? `A post can have ${POST_IMAGES_MAX} pictures: ${room === 0 ? "none was" : `only the first ${room} were`} added.` : null);
      const picked = await Promise.all(
        files.slice(0, Math.max(room, 0)).map(async (file) => ({
          file,
          image: { localId: crypto.randomUUID(), name: file.name, previewUrl: await readAsDataUrl(file), fraction: 0, uploaded: null, error: null, alt: "" } satisfies PickedImage,
        })),
      );
      setImages((current) => [...current, ...picked.map(({ image }) => image)]);
      for (const { file, image } of picked) {
        uploadFile<UploadedPostImage>("/api/feed/images", file, { onProgress: (fraction) => update(image.localId, { fraction }) }).then(
          (uploaded) => update(image.localId, { uploaded, fraction: 1 }),
          (failure: unknown) => update(image.localId, { error: failure instanceof Error ? failure.message : "The upload failed." }),
        );
      }
    },
    [images.length, update],
  );

  const remove = useCallback((localId: string) => {
    setImages((current) => current.filter((image) => image.localId !== localId));
    setNotice(null);
  }, []);

  const setAlt = useCallback((localId: string, alt: string) => update(localId, { alt }), [update]);

  const reset = useCallback(() => {
    setImages([]);
    setNotice(null);
  }, []);

  const uploading = images.some((image) => !image.uploaded && !image.error);
  const failed = images.some((image) => image.error);
  const payload = images.flatMap((image) => (image.uploaded ? [{ id: image.uploaded.id, alt: image.alt.trim() }] : []));
  return { images, notice, add, remove, setAlt, reset, uploading, failed, payload };
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}
