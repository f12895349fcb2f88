import { AppError } from "@/server/errors";
import type { Db } from "@/server/platform/db";
import { serveObject } from "@/server/platform/serve-object";
import type { ObjectStore } from "@/server/platform/storage";
import { conversationIdOfKey } from "./attachments";
import { isConversationMember } from "../conversations/is-conversation-member";

/**
 * GET/HEAD /api/chat/files/<key>[?download=1&name=…]: a chat file for the
 * members of its conversation (the key names it), under the one file-serving
 * policy (server/platform/serve-object.ts). `name` is the uploader's file name
 * offered on download; `download=1` asks for an attachment even for a picture.
 */
export function serveChatFile({
  db,
  storage,
  request,
  key,
  sessionUserId,
}: {
  db: Db;
  storage: Pick<ObjectStore, "statObject" | "getObject">;
  request: Request;
  key: string;
  /** Looked up only once the file exists, so a missing file costs no session read. */
  sessionUserId: () => Promise<string | null>;
}): Promise<Response> {
  const url = new URL(request.url);
  return serveObject({
    request,
    key,
    store: storage,
    fileName: url.searchParams.get("name") ?? undefined,
    download: url.searchParams.get("download") === "1",
    authorize: async () => {
      const userId = await sessionUserId();
      if (!userId) throw new AppError("UNAUTHORIZED", "Sign in to view this file.");
      const conversationId = conversationIdOfKey(key);
      if (!conversationId) throw new AppError("NOT_FOUND", "File not found.");
      if (!(await isConversationMember({ db, conversationId, userId }))) throw new AppError("FORBIDDEN", "You do not have access to this file.");
    },
  });
}
