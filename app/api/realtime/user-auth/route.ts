import { AppError, errorBody, toAppError } from "@/server/errors";
import { readUploadBody } from "@/server/platform/read-upload-body";
import { answerUserAuth, USER_AUTH_MAX_BODY_BYTES } from "@/server/platform/realtime-user-auth";

export const dynamic = "force-dynamic";

/** pusher-js's signin() asks here once per connection (server/platform/realtime-user-auth.ts). */
export async function POST(request: Request): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  let bodyText: string;
  try {
    const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${USER_AUTH_MAX_BODY_BYTES} bytes.`);
    bodyText = (await readUploadBody(request, USER_AUTH_MAX_BODY_BYTES, tooLarge)).toString("utf8");
  } catch (error) {
    const appError = toAppError(error);
    return Response.json(errorBody(appError), { status: appError.httpStatus, headers });
  }
  const answer = await answerUserAuth({ headers: request.headers, bodyText });
  return Response.json(answer.body, { status: answer.status, headers });
}
