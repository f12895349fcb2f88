import { avatarTooLarge, setAvatar } from "@/server/accounts/set-avatar";
import { attachmentRoute } from "@/server/chat/attachments/attachment-route";
import { historyRoute } from "@/server/chat/messages/history-route";
import { sendMessageRoute } from "@/server/chat/messages/send-message-route";
import { env } from "@/server/env";
import { postImageTooLarge, uploadPostImage } from "@/server/feed/media/upload-post-image";
import { AppError } from "@/server/errors";
import { deleteLinkRoute, exportClicksRoute, linkStatsRoute, shortenRoute } from "@/server/links/api/api-routes";
import { shortLinkRoute } from "@/server/links/redirect/redirect-route";
import { db } from "@/server/platform/db";
import { storage } from "@/server/platform/storage";
import { channelAuthRoute } from "@/server/realtime/channel-auth-route";
import { locationRoute } from "@/server/rides/drivers/location-route";
import { userAuthRoute } from "@/server/realtime/user-auth-route";
import { productImageTooLarge, uploadProductImage } from "@/server/shop/admin-products/upload-product-image";
import { videoFileRoute } from "@/server/videos/serve-video-file";
import { captionsTooLarge, uploadCaptions } from "@/server/videos/captions/upload-captions";
import { BEACON_BODY, savePositionRoute } from "@/server/videos/history/save-position-route";
import { thumbnailTooLarge, uploadThumbnail } from "@/server/videos/edit/upload-thumbnail";
import { TUS_BODY, videoUploadRoute } from "@/server/videos/upload-route";
import { trpcRoute } from "@/server/trpc/handle-request";
import { FILE_BODY, FORM_OR_JSON_BODY, IMAGE_BODY, JSON_BODY } from "./content-types";
import { healthRoute } from "./health-route";
import type { Route } from "./route";
import { nextStaticFileRoute } from "./static-files";
import { uploadRoute } from "./upload-route";

/**
 * The route table: every plain HTTP route of the systems, and tRPC (not
 * better-auth, not webhooks). Each row runs behind the request guard and its
 * declared body type (server/web/route.ts). Rows marked `beforeNext` are the
 * hot paths the self-hosted listener (server/web/listener.ts) answers before
 * Next's router; every row but Next's static files also has a one-line route
 * file under app/ that serves it through server/web/next-route.ts (on Vercel,
 * and self-hosted for the others). A new route is a row here plus that file.
 */
export const ROUTES: readonly Route[] = [
  // The load balancer's and the supervisor's probe: answered as soon as a (re)started web process listens
  { method: "GET", pattern: "/api/health", handler: healthRoute, beforeNext: true },
  // tRPC, every procedure (its own guard, body cap and batch limit: server/trpc/handle-request.ts); its
  // route file serves the fetch handler itself rather than through this row
  { method: ["GET", "POST"], pattern: "/api/trpc/:procedures", handler: trpcRoute, beforeNext: true },
  // Links: the public REST API (server/links/api/api-routes.ts)
  { method: "POST", pattern: "/api/shorten", handler: shortenRoute, body: JSON_BODY, beforeNext: true },
  { method: "GET", pattern: "/api/stats/:code", handler: linkStatsRoute },
  { method: "DELETE", pattern: "/api/urls/:code", handler: deleteLinkRoute },
  { method: "GET", pattern: "/api/links/:code/clicks.csv", handler: exportClicksRoute },
  // Chat: sends and catch-up reads (hot after a gateway restart), attachments
  { method: "POST", pattern: "/api/chat/conversations/:conversationId/messages", handler: sendMessageRoute, body: JSON_BODY, beforeNext: true },
  { method: "GET", pattern: "/api/chat/conversations/:conversationId/messages", handler: historyRoute, beforeNext: true },
  { method: "POST", pattern: "/api/chat/attachments", handler: attachmentRoute, body: FILE_BODY },
  // Realtime: channel authorization, once per channel per client
  { method: "POST", pattern: "/api/realtime/auth", handler: channelAuthRoute, body: FORM_OR_JSON_BODY, beforeNext: true },
  // Realtime: user authentication (pusher-js signin()), once per connection
  { method: "POST", pattern: "/api/realtime/user-auth", handler: userAuthRoute, body: FORM_OR_JSON_BODY },
  // Uploads of pictures
  {
    method: "POST",
    pattern: "/api/accounts/avatar",
    body: IMAGE_BODY,
    handler: uploadRoute({
      maxBytes: env.AVATAR_MAX_BYTES,
      tooLarge: avatarTooLarge,
      store: ({ user, bytes }) => setAvatar({ db, storage, userId: user.id, bytes }),
    }),
  },
  {
    method: "POST",
    pattern: "/api/feed/images",
    body: IMAGE_BODY,
    handler: uploadRoute({
      maxBytes: env.FEED_IMAGE_MAX_BYTES,
      tooLarge: postImageTooLarge,
      store: ({ user, bytes }) => uploadPostImage({ db, storage, uploaderId: user.id, bytes }),
      status: 201,
    }),
  },
  {
    method: "POST",
    pattern: "/api/shop/product-images",
    body: IMAGE_BODY,
    handler: uploadRoute({
      maxBytes: env.SHOP_PRODUCT_IMAGE_MAX_BYTES,
      tooLarge: productImageTooLarge,
      authorize: (user) => {
        if (user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
      },
      store: ({ user, bytes }) => uploadProductImage({ storage, uploaderId: user.id, bytes }),
      status: 201,
    }),
  },
  // Video: resumable uploads (tus) and the HLS files a player fetches every few seconds
  { method: "POST", pattern: "/api/videos/uploads", handler: videoUploadRoute, body: TUS_BODY, beforeNext: true },
  { method: ["HEAD", "PATCH", "DELETE"], pattern: "/api/videos/uploads/:uploadId", handler: videoUploadRoute, body: TUS_BODY, beforeNext: true },
  { method: ["GET", "HEAD"], pattern: "/api/videos/:videoId/hls/:file", handler: videoFileRoute, beforeNext: true },
  { method: ["GET", "HEAD"], pattern: "/api/videos/:videoId/hls/:rendition/:file", handler: videoFileRoute, beforeNext: true },
  // Where the player was when its viewer left the page (a beacon from pagehide), so it resumes there
  { method: "POST", pattern: "/api/videos/:videoId/position", handler: savePositionRoute, body: BEACON_BODY, beforeNext: true },
  {
    method: "POST",
    pattern: "/api/videos/:videoId/thumbnail",
    body: IMAGE_BODY,
    handler: uploadRoute({
      maxBytes: env.VIDEO_THUMBNAIL_MAX_BYTES,
      tooLarge: thumbnailTooLarge,
      store: ({ user, bytes, request }) => uploadThumbnail({ db, storage, ownerId: user.id, videoId: request.params.videoId ?? "", bytes }),
      status: 201,
    }),
  },
  {
    method: "POST",
    pattern: "/api/videos/:videoId/captions/:language",
    // A .vtt or .srt file; browsers send it as text/vtt, application/x-subrip or no type. Its text is checked (caption-text.ts).
    body: FILE_BODY,
    handler: uploadRoute({
      maxBytes: env.VIDEO_CAPTION_MAX_BYTES,
      tooLarge: captionsTooLarge,
      store: ({ user, bytes, request }) => uploadCaptions({ db, storage, ownerId: user.id, videoId: request.params.videoId ?? "", language: request.params.language ?? "", bytes }),
      status: 201,
    }),
  },
  // Rides: every online driver's location, every 2 s
  { method: "POST", pattern: "/api/rides/location", handler: locationRoute, body: JSON_BODY, beforeNext: true },
  // Next's build output (scripts, styles), compressed once and cached for a year; self-hosted only, with no
  // route file: Vercel serves these itself (server/web/static-files.ts)
  { method: ["GET", "HEAD"], pattern: "/_next/static/:folder/:file", handler: nextStaticFileRoute, beforeNext: true },
  // Short links: the one-segment catch-all, matched last; a code with no link yields to Next's pages.
  // Not guarded: no cookie authenticates it, and a protected link's password form may be posted from anywhere.
  { method: ["GET", "HEAD", "POST"], pattern: "/:code", handler: shortLinkRoute, guard: false, beforeNext: true },
];
