/**
 * The password form of a protected link holds one password: a body past this
 * is not a form of ours. Both transports (the self-hosted fast path's
 * node:http request and the Vercel route's Web Request) read it through
 * readPasswordForm, so the cap is the same everywhere.
 */
export const MAX_PASSWORD_FORM_BYTES = 4 * 1024;

type Body = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/**
 * The url-encoded form, or an empty one (answered like a wrong password) when
 * the body is over MAX_PASSWORD_FORM_BYTES: refused up front by its declared
 * Content-Length, so the visitor still gets the page, and otherwise while
 * streaming (a client may lie or send none), so it is never held in memory.
 */
export async function readPasswordForm(body: Body | null, declaredLength: string | null | undefined): Promise<URLSearchParams> {
  if (!body || Number(declaredLength ?? "0") > MAX_PASSWORD_FORM_BYTES) return new URLSearchParams();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body instanceof ReadableStream ? chunksOf(body) : body) {
    size += chunk.byteLength;
    if (size > MAX_PASSWORD_FORM_BYTES) return new URLSearchParams();
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Also reached when the reader stops early: the rest of the body is not wanted.
    await reader.cancel();
  }
}
