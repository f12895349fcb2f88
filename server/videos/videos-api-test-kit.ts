import { createTestUser, signUpWithCookie } from "@/server/accounts/test-users";
import type { SessionUser } from "@/server/platform/auth";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { createCallerFactory } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { errorAnswer, type Answer } from "@/server/web/answer";
import { FetchWebRequest } from "@/server/web/fetch-request";
import { videoFileRoute } from "./serve-video-file";

/**
 * What the tests of the Videos API share: people with a caller of the
 * `videos` router, the video file route called as a player would, and the
 * connections to close. Test files load it with `await import(...)` after
 * their vi.hoisted settings (rate limits, a Redis database of their own):
 * its imports read server/env as they load.
 */
export { db, redis };

/** The `videos` router as `user` (null: signed out) calls it, with the request's headers and the response's. */
export function videosCaller(user: SessionUser | null, headers = new Headers(), resHeaders = new Headers()) {
  return createCallerFactory(appRouter)({ db, redis, headers, user, resHeaders }).videos;
}

/** A user row (no password, no cookie) and their caller. */
export async function testViewer(name = "Viewer", role: "user" | "admin" = "user") {
  const row = await createTestUser(db, { name });
  if (role !== "user") await db.user.update({ where: { id: row.id }, data: { role } });
  const user: SessionUser = { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role };
  return { user, videos: videosCaller(user) };
}

/** Someone signed up through better-auth: their id, the Cookie their browser sends (for the upload routes), and their caller. */
export async function signedUpViewer(name: string) {
  const signed = await signUpWithCookie(name);
  const row = await db.user.findUniqueOrThrow({ where: { id: signed.id } });
  const user: SessionUser = { id: row.id, name: row.name, email: row.email, username: row.username, image: null, role: "user" };
  return { ...signed, videos: videosCaller(user) };
}

/** GET /api/videos/<id>/hls/<file> through the route the player uses, with `cookie` if given; a refusal as its error answer. */
export function fetchVideoFile(videoId: string, file: string, cookie?: string): Promise<Answer> {
  const request = new FetchWebRequest(new Request(`http://localhost/api/videos/${videoId}/hls/${file}`, { headers: cookie ? { cookie } : {} }));
  request.params = { videoId, file };
  return videoFileRoute(request).catch((error: unknown) => errorAnswer(error, request.path));
}

/** For afterAll: the shared Redis client and Postgres pool, so the test file's process can end. */
export async function closeVideoTestConnections(): Promise<void> {
  redis.disconnect();
  await db.$disconnect();
}
