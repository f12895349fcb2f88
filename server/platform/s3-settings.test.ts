import { beforeEach, describe, expect, it, vi } from "vitest";

/** S3_* as env.ts reads it: each case imports env.ts afresh with its own environment. */
const S3_NAMES = ["S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE"];

beforeEach(() => {
  vi.resetModules();
  for (const name of S3_NAMES) delete process.env[name];
});

describe("S3 settings", () => {
  it("leave files on local disk when no bucket is set", async () => {
    expect((await import("@/server/env")).s3Settings).toBeNull();
  });

  it("refuse a bucket without credentials at boot, naming what is missing", async () => {
    process.env.S3_BUCKET = "casebook-files";
    process.env.S3_ACCESS_KEY_ID = "AKIAEXAMPLE";
    await expect(import("@/server/env")).rejects.toThrow(/S3_SECRET_ACCESS_KEY: must be set when S3_BUCKET is set/);
  });

  it("address AWS's endpoint for the region, virtual-hosted, unless told otherwise", async () => {
    Object.assign(process.env, { S3_BUCKET: "casebook-files", S3_REGION: "eu-west-1", S3_ACCESS_KEY_ID: "AKIAEXAMPLE", S3_SECRET_ACCESS_KEY: "secret" });
    expect((await import("@/server/env")).s3Settings).toEqual({
      bucket: "casebook-files",
      endpoint: "https://s3.eu-west-1.amazonaws.com",
      region: "eu-west-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret",
      forcePathStyle: false,
    });
  });

  it("take a MinIO-style endpoint with path-style addressing", async () => {
    Object.assign(process.env, { S3_BUCKET: "files", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "minio", S3_SECRET_ACCESS_KEY: "minio-secret", S3_FORCE_PATH_STYLE: "true" });
    expect((await import("@/server/env")).s3Settings).toMatchObject({ endpoint: "http://minio:9000", region: "us-east-1", forcePathStyle: true });
  });
});
