import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { signUpWithCookie } from "@/server/accounts/test-users";
import { appUrl } from "@/server/env";
import { db } from "@/server/platform/db";
import { redis } from "@/server/platform/redis";
import { FetchWebRequest } from "@/server/web/fetch-request";
import { runRoute } from "@/server/web/route";
import { RouteTable } from "@/server/web/route-table";
import { ROUTES } from "@/server/web/routes";
import { POSITION_MAX_REQUEST_BYTES } from "./save-position-route";

/**
 * The position a player sends with navigator.sendBeacon as its viewer
 * leaves, through the route table as the listener runs it (guard, body type,
 * handler): saved as the resume point; another site's beacon, a signed-out
 * one, an oversized or malformed body, and someone else's private video are refused.
 */
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const table = new RouteTable(ROUTES);
const ownOrigin = new URL(appUrl).origin;
// What Chromium sends for navigator.sendBeacon(url, string).
const BEACON = { "content-type": "text/plain;charset=UTF-8", origin: ownOrigin };

async function post(videoId: string, body: string, headers: Record<string, string>) {
  const path = `/api/videos/${videoId}/position`;
  const request = new FetchWebRequest(new Request(`${appUrl}${path}`, { method: "POST", headers, body }));
  const match = table.match("POST", path);
  if (!match) throw new Error(`no route for POST ${path}`);
  request.params = match.params;
  return runRoute(match.route, request);
}

async function readyVideo(ownerId: string, { visibility = "public", durationSeconds = 60 }: { visibility?: "public" | "private"; durationSeconds?: number } = {}): Promise<string> {
  const id = randomUUID().replaceAll("-", "").slice(0, 24);
  await db.video.create({ data: { id, ownerId, title: "Beacon", visibility, status: "ready", durationSeconds, sourceName: "a.mp4", sourceType: "video/mp4", sourceBytes: 10n } });
  return id;
}

const savedPosition = async (userId: string, videoId: string) => (await db.videoWatch.findUnique({ where: { userId_videoId: { userId, videoId } } }))?.positionSeconds ?? null;

describe("POST /api/videos/<id>/position (the beacon on leaving)", () => {
  it("keeps where a viewer left as their resume point, clamped to the video's length", async () => {
    const viewer = await signUpWithCookie("Leaver");
    const owner = await signUpWithCookie("Owner");
    const videoId = await readyVideo(owner.id, { durationSeconds: 30 });

    const answer = await post(videoId, JSON.stringify({ positionSeconds: 12.5 }), { ...BEACON, cookie: viewer.cookie });
    expect(answer.status).toBe(200);
    expect(JSON.parse(String(answer.body))).toEqual({ saved: true });
    expect(await savedPosition(viewer.id, videoId)).toBe(12.5);

    // JSON works too; past the end is the end.
    expect((await post(videoId, JSON.stringify({ positionSeconds: 45 }), { "content-type": "application/json", origin: ownOrigin, cookie: viewer.cookie })).status).toBe(200);
    expect(await savedPosition(viewer.id, videoId)).toBe(30);
  });

  it("refuses a beacon from another site, a signed-out one, and someone else's private video, saving nothing", async () => {
    const viewer = await signUpWithCookie("Viewer");
    const owner = await signUpWithCookie("Owner");
    const publicId = await readyVideo(owner.id);
    const body = JSON.stringify({ positionSeconds: 5 });

    expect((await post(publicId, body, { ...BEACON, origin: "https://elsewhere.example", cookie: viewer.cookie })).status).toBe(403);
    expect((await post(publicId, body, { "content-type": "text/plain", "sec-fetch-site": "cross-site", cookie: viewer.cookie })).status).toBe(403);
    expect((await post(publicId, body, BEACON)).status).toBe(401);
    expect(await savedPosition(viewer.id, publicId)).toBeNull();

    const privateId = await readyVideo(owner.id, { visibility: "private" });
    expect((await post(privateId, body, { ...BEACON, cookie: viewer.cookie })).status).toBe(404);
    expect(await savedPosition(viewer.id, privateId)).toBeNull();
  });

  it("limits the body: its size (413), its type (415), JSON with a position in range (400)", async () => {
    const viewer = await signUpWithCookie("Sender");
    const owner = await signUpWithCookie("Owner");
    const videoId = await readyVideo(owner.id);
    const send = (body: string, headers: Record<string, string> = BEACON) => post(videoId, body, { ...headers, cookie: viewer.cookie });

    const padded = JSON.stringify({ positionSeconds: 5, padding: "x".repeat(POSITION_MAX_REQUEST_BYTES) });
    expect((await send(padded)).status).toBe(413);
    expect((await send("positionSeconds=5", { "content-type": "application/x-www-form-urlencoded", origin: ownOrigin })).status).toBe(415);
    expect((await send("five seconds")).status).toBe(400);
    expect((await send(JSON.stringify({ positionSeconds: -1 }))).status).toBe(400);
    expect((await send(JSON.stringify({ positionSeconds: "5" }))).status).toBe(400);
    expect((await send(JSON.stringify({ positionSeconds: 25 * 3600 }))).status).toBe(400);
    expect(await savedPosition(viewer.id, videoId)).toBeNull();
  });
});
