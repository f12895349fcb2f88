import { spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { S3BucketSettings } from "./s3-bucket";

export type S3TestServer = {
  settings: S3BucketSettings;
  /** How each object was created, in order: "ObjectCreated:Put" (one PUT) or "ObjectCreated:Post" (a completed multipart upload). */
  creations: Array<{ key: string; how: string }>;
  close(): Promise<void>;
};

type ServerMessage = { port: number } | { eventName: string; key: string };

/**
 * A real S3-protocol server on loopback for the S3 store's tests (s3rver,
 * files in a temporary folder): S3 itself is a service we cannot reach here.
 * It runs in a child process of its own (s3-test-server-process.mjs says why).
 * It refuses requests not signed with its access key id (S3RVER), though it
 * does not recompute Signature V4 itself.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "casebook-s3-test-"));
  const bucket = "casebook-test";
  const child = spawn(process.execPath, ["--openssl-legacy-provider", path.join(import.meta.dirname, "s3-test-server-process.mjs"), JSON.stringify({ directory, configureBuckets: [{ name: bucket }] })], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const creations: S3TestServer["creations"] = [];
  const port = new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the S3 test server exited with ${code} before it listened`)));
    child.on("message", (message: ServerMessage) => {
      if ("port" in message) resolve(message.port);
      else if (message.eventName.startsWith("ObjectCreated:")) creations.push({ key: message.key, how: message.eventName });
    });
  });
  return {
    settings: { bucket, endpoint: `http://127.0.0.1:${await port}`, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true },
    creations,
    async close() {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill();
        await exited;
      }
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
