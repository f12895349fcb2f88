import { nextRoute } from "@/server/web/next-route";

/**
 * POST — send a message; GET — history, e.g. ?after=<seq> to catch up. Rows
 * of server/web/routes.ts (self-hosted, both are answered before Next).
 */
export const dynamic = "force-dynamic";

export const POST = nextRoute("POST", "/api/chat/conversations/:conversationId/messages");
export const GET = nextRoute("GET", "/api/chat/conversations/:conversationId/messages");
