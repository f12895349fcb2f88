import { deferAfterResponse } from "@/server/chat/defer-after-response";
import { answerSendMessage, readRequestText } from "@/server/chat/send-message-route";

/**
 * POST /api/chat/conversations/{conversationId}/messages — send a message
 * (shapes in server/chat/send-message-route.ts). Self-hosted,
 * server/web/main.ts answers it before Next with the same function.
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
