import "server-only";
import { AwsClient } from "aws4fetch";

export type S3BucketSettings = {
  bucket: string;
  /** The service's base URL: https://s3.<region>.amazonaws.com, an R2 account URL, a MinIO server... */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** <endpoint>/<bucket>/<key> rather than <bucket>.<endpoint host>/<key>. */
  forcePathStyle: boolean;
};

export type S3Request = {
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** Absent: the bucket itself (listing). */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Uint8Array<ArrayBuffer> | string;
};

export type S3Bucket = { send(request: S3Request): Promise<Response> };

/** Attempts after a 5xx or 429 (aws4fetch backs off exponentially between them); the default of 10 would stall a request for seconds. */
const RETRIES = 3;
/**
 * How long a request may wait for the service's answer to begin (an upload's
 * part included: 8 MiB in 60 s is 140 KB/s). A service that accepts the
 * connection and never answers would otherwise hold a page or a job forever.
 * A body already flowing is not cut: a video source may take minutes to read.
 */
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * Signed requests (AWS Signature V4, aws4fetch) to one bucket of any
 * S3-compatible service. Bodies are sent as unsigned payloads: the signature
 * covers the request, TLS the bytes, and nothing has to hash a part twice.
 */
export function s3Bucket(settings: S3BucketSettings, answerTimeoutMs = ANSWER_TIMEOUT_MS): S3Bucket {
  const client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: "s3", region: settings.region, retries: RETRIES });
  const endpoint = new URL(settings.endpoint);
  const basePath = endpoint.pathname.replace(/\/+$/, "");
  const bucketUrl = settings.forcePathStyle
    ? `${endpoint.origin}${basePath}/${encodeURIComponent(settings.bucket)}`
    : `${endpoint.protocol}//${settings.bucket}.${endpoint.host}${basePath}`;

  return {
    async send({ method, key, query = {}, headers = {}, body }) {
      const url = new URL(`${bucketUrl}/${key === undefined ? "" : key.split("/").map(encodeURIComponent).join("/")}`);
      for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
      const answered = new AbortController();
      const timer = setTimeout(() => answered.abort(new Error(`S3 ${method} ${key ?? settings.bucket}: no answer within ${answerTimeoutMs / 1000} s`)), answerTimeoutMs);
      try {
        return await client.fetch(url, { method, headers, body, signal: answered.signal });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** An error naming the operation and S3's error code; the body (S3's XML error) is read and dropped. */
export async function s3Failure(response: Response, operation: string): Promise<Error> {
  const text = await response.text().catch(() => "");
  const code = xmlValues(text, "Code")[0];
  return new Error(`S3 ${operation} failed: HTTP ${response.status}${code ? ` ${code}` : ""}`);
}

/**
 * The text of every `<tag>` element: S3's answers are flat enough that the
 * few values we read (keys, tokens, upload ids, error codes) need no XML parser.
 */
export function xmlValues(xml: string, tag: string): string[] {
  return Array.from(xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g")), (match) => unescapeXml(match[1] ?? ""));
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return XML_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
