import "server-only";
import { AppError } from "@/server/errors";
import { getSessionUser } from "./auth";
import { serveObject } from "./serve-object";
import { storage, type ObjectMetadata } from "./storage";

/**
 * GET/HEAD /api/media/<key>: public objects for anyone, private ones for their
 * owner only (storage's own rule). Systems whose readers are not the owner
 * (chat members) serve through their own route with their own `authorize`.
 */
export function serveMedia(request: Request, key: string): Promise<Response> {
  return serveObject({ request, key, store: storage, authorize: (object) => assertOwnerMayRead(request, object) });
}

async function assertOwnerMayRead(request: Request, object: ObjectMetadata): Promise<void> {
  if (object.visibility === "public") return;
  const user = await getSessionUser(request.headers);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to view this file.");
  if (object.ownerId === null || object.ownerId !== user.id) throw new AppError("FORBIDDEN", "You do not have access to this file.");
}
