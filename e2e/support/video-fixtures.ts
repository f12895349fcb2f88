import pg from "pg";

/**
 * Many ready videos for one channel, made straight in the end-to-end stack's
 * database (CASEBOOK_DATABASE_URL): paging needs more videos than a spec can
 * upload and transcode on the shared 2 cores. They have no files (their
 * posters are missing) and are dated 2001, after every real upload in the
 * lists, so no other spec's video is pushed off a first page.
 * Titles are `<title> 01` … `<title> NN`, the last the newest.
 */
export async function publishStoredVideos(username: string, title: string, count: number): Promise<void> {
  const databaseUrl = process.env.CASEBOOK_DATABASE_URL;
  if (!databaseUrl) throw new Error("CASEBOOK_DATABASE_URL is not set: run through `npm test -- --only=e2e`");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "video" ("id", "ownerId", "title", "visibility", "status", "sourceName", "sourceType", "sourceBytes", "durationSeconds", "publishedAt", "updatedAt")
       SELECT substr(md5(random()::text), 1, 24), u."id", $2 || ' ' || lpad(n::text, 2, '0'), 'public', 'ready', 'stored.mp4', 'video/mp4', 10, 5,
              timestamp '2001-01-01' + n * interval '1 minute', now()
       FROM "user" u, generate_series(1, $3::int) AS n
       WHERE u."username" = $1`,
      [username, title, count],
    );
  } finally {
    await client.end();
  }
}
