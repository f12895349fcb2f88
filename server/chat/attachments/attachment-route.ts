import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { storage } from "@/server/platform/storage";
import { uploadRoute } from "@/server/web/upload-route";
import { attachmentTooLarge, uploadAttachment } from "./upload-attachment";

const CONVERSATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * POST /api/chat/attachments?conversationId=<id>&name=<file name>
 * The raw file as the body (so XHR upload progress works), of any type but a
 * form's: the type is sniffed from the bytes. Members only; at most
 * CHAT_ATTACHMENT_MAX_BYTES (413 past it, refused while streaming, never
 * buffered whole); the `upload` rate limit applies.
 * 201 with the ChatAttachment (upload-attachment.ts), which the client passes
 * to chat.send in `attachments`.
 */
export const attachmentRoute = uploadRoute({
  maxBytes: env.CHAT_ATTACHMENT_MAX_BYTES,
  tooLarge: attachmentTooLarge,
  authorize: (_user, request) => {
    if (!CONVERSATION_ID.test(request.query.get("conversationId") ?? "")) {
      throw new AppError("BAD_REQUEST", "Missing or invalid conversationId.", { field: "conversationId" });
    }
  },
  store: ({ user, bytes, request }) =>
    uploadAttachment({
      db,
      storage,
      uploaderId: user.id,
      conversationId: request.query.get("conversationId") ?? "",
      fileName: (request.query.get("name") ?? "").slice(0, 255),
      bytes,
    }),
  status: 201,
});
