import { deferAfterResponse } from "@/server/chat/defer-after-response";
import { answerHistory } from "@/server/chat/history-route";
import { answerSendMessage, readRequestText } from "@/server/chat/send-message-route";

/**
 * POST /api/chat/conversations/{conversationId}/messages — send a message
 * (server/chat/send-message-route.ts); GET — history, e.g. ?after=<seq> to
 * catch up (server/chat/history-route.ts). Self-hosted, server/web/main.ts
 * answers both before Next with the same functions.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ conversationId: string }> }): Promise<Response> {
  const { conversationId } = await params;
  const answer = await answerSendMessage({
    headers: request.headers,
    conversationId,
    readBody: (maxBytes) => readRequestText(request, maxBytes),
    defer: deferAfterResponse,
  });
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}

export async function GET(request: Request, { params }: { params: Promise<{ conversationId: string }> }): Promise<Response> {
  const { conversationId } = await params;
  const answer = await answerHistory({ headers: request.headers, conversationId, query: new URL(request.url).searchParams });
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
