import { avatarTooLarge, setAvatar } from "@/server/accounts/set-avatar";
import { env } from "@/server/env";
import { db } from "@/server/platform/db";
import { storage } from "@/server/platform/storage";
import { handleUpload } from "@/server/platform/upload-route";

/** POST /api/accounts/avatar — the raw image as the body; answers `{ image }` (the new avatar URL). */
export function POST(request: Request): Promise<Response> {
  return handleUpload(request, {
    maxBytes: env.AVATAR_MAX_BYTES,
    tooLarge: avatarTooLarge,
    store: ({ user, bytes }) => setAvatar({ db, storage, userId: user.id, bytes }),
  });
}
