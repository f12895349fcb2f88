/**
 * `npm run storage:copy-to-s3`
 *
 * Copies the files of the local-disk store (STORAGE_DIR) into the bucket that
 * S3_* names, metadata and all (server/platform/copy-objects.ts). Moving a
 * deployment to S3: run it, start the app with S3_* set, run it again for
 * what was uploaded in between. Files keep their keys, so stored links stay valid.
 */
import { s3Settings, storageDir } from "../../server/env";
import { copyObjects } from "../../server/platform/copy-objects";
import { createLocalDiskStore } from "../../server/platform/local-disk-store";
import { createS3Store } from "../../server/platform/s3-store";

async function main(): Promise<number> {
  if (!s3Settings) {
    console.error("Set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT, S3_REGION, S3_FORCE_PATH_STYLE as your service needs) first.");
    return 2;
  }
  console.log(`Copying ${storageDir} into the bucket ${s3Settings.bucket} at ${s3Settings.endpoint} ...`);
  const report = await copyObjects({
    from: createLocalDiskStore(storageDir),
    to: createS3Store(s3Settings),
    onCopied: (key, progress) => {
      if (progress.copied % 100 === 0) console.log(`  copied ${progress.copied} (last: ${key})`);
    },
  });
  console.log(`Done: copied ${report.copied} (${(report.bytes / 1024 / 1024).toFixed(1)} MiB), ${report.skipped} already in the bucket.`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
