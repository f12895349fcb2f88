import { nextRoute } from "@/server/web/next-route";

/** POST /api/chat/attachments — a chat file as the raw body (server/chat/attachments/attachment-route.ts); a row of server/web/routes.ts. */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/chat/attachments");
