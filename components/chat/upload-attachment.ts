import { uploadFile } from "@/components/ui/upload-file";
import type { ChatAttachment } from "./chat-types";

/** Uploads one file to POST /api/chat/attachments as the raw body, reporting progress. */
export function uploadAttachment(conversationId: string, file: File, onProgress: (fraction: number) => void): Promise<ChatAttachment> {
  const params = new URLSearchParams({ conversationId, name: file.name });
  return uploadFile<ChatAttachment>(`/api/chat/attachments?${params.toString()}`, file, { onProgress });
}
