import pg from "pg";

/**
 * The bench's world, generated in Postgres with set-based SQL (seconds, not
 * minutes): users `<prefix><i>`; user 0 is "the author" (followed by users
 * 2..5001, below the celebrity threshold, fanned out), users 1..celebrities
 * are celebrities (above it, merged at read time); everyone follows about
 * `avgFollows` others on a power law (r^1.5 over the user index, which keeps
 * ordinary accounts far below the threshold); posts are spread over all users.
 * Triggers are off for the load (session_replication_role = replica, on this
 * connection only) and the profile counts are computed once at the end,
 * which is what the triggers would have produced.
 */
export type FeedDataSet = {
  prefix: string;
  users: number;
  celebrities: number;
  celebrityFollowers: number;
  authorFollowers: number;
  avgFollows: number;
  posts: number;
};

export async function generateDataSet(databaseUrl: string, set: FeedDataSet, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    const step = async (what: string, sql: string, values: unknown[]) => {
      const started = Date.now();
      const result = await client.query(sql, values);
      log(`  ${what}: ${(result.rowCount ?? 0).toLocaleString("en")} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    };
    const { prefix, users } = set;
    await step(
      "users",
      `INSERT INTO "user" ("id", "name", "email", "username", "displayUsername", "createdAt", "updatedAt")
       SELECT $1::text || i, 'Bench ' || i, $1::text || i || '@bench.casebook.dev', replace($1::text, '-', '_') || i, replace($1::text, '-', '_') || i, now(), now()
         FROM generate_series(0, $2::int - 1) i`,
      [prefix, users],
    );
    const special = 1 + set.celebrities;
    await step(
      "power-law follows",
      `INSERT INTO "feed_follow" ("followerId", "followeeId")
       SELECT DISTINCT $1::text || u, $1::text || ($3::int + floor(($2::int - $3::int) * power(random(), 1.5)))::int
         FROM generate_series($3::int, $2::int - 1) u, generate_series(1, $4::int) j
       ON CONFLICT DO NOTHING`,
      [prefix, users, special, set.avgFollows],
    );
    await step(
      "the author's followers",
      `INSERT INTO "feed_follow" ("followerId", "followeeId") SELECT $1::text || u, $1::text || '0' FROM generate_series($2::int, $2::int + $3::int - 1) u ON CONFLICT DO NOTHING`,
      [prefix, special, set.authorFollowers],
    );
    await step(
      "celebrities' followers",
      `INSERT INTO "feed_follow" ("followerId", "followeeId")
       SELECT $1::text || u, $1::text || c FROM generate_series(1, $2::int) c, generate_series($3::int, $3::int + $4::int - 1) u ON CONFLICT DO NOTHING`,
      [prefix, set.celebrities, special, set.celebrityFollowers],
    );
    await step(
      "posts",
      `INSERT INTO "feed_post" ("authorId", "text", "createdAt")
       SELECT $1::text || floor(random() * $2::int)::int, 'Bench post ' || i || ' #bench', now() - (($3::int - i) * interval '1 second')
         FROM generate_series(1, $3::int) i`,
      [prefix, users, set.posts],
    );
    await step(
      "profile counts",
      `INSERT INTO "feed_profile" ("userId", "followerCount", "followingCount", "postCount")
       SELECT u."id",
              (SELECT count(*) FROM "feed_follow" f WHERE f."followeeId" = u."id"),
              (SELECT count(*) FROM "feed_follow" f WHERE f."followerId" = u."id"),
              (SELECT count(*) FROM "feed_post" p WHERE p."authorId" = u."id")
         FROM "user" u WHERE u."id" LIKE $1::text || '%'
       ON CONFLICT ("userId") DO UPDATE SET "followerCount" = EXCLUDED."followerCount", "followingCount" = EXCLUDED."followingCount", "postCount" = EXCLUDED."postCount"`,
      [prefix],
    );
    await client.query(`ANALYZE "feed_follow"; ANALYZE "feed_post"; ANALYZE "feed_profile"`);
  } finally {
    await client.end();
  }
}

/**
 * The pull baseline: the best fan-out-on-read page of 20 we can write, hydrated like ours (author, counts,
 * the viewer's like): one LATERAL index scan per followee on (authorId, id DESC), newest 20 overall.
 */
export const PULL_PAGE_SQL = `
  SELECT p."id", p."text", p."likeCount", p."repostCount", p."replyCount", p."createdAt", u."name", u."username", u."image",
         EXISTS (SELECT 1 FROM "feed_like" l WHERE l."userId" = $1 AND l."postId" = p."id") AS "liked"
    FROM (
      SELECT x.* FROM "feed_follow" f
       CROSS JOIN LATERAL (
         SELECT * FROM "feed_post" q
          WHERE q."authorId" = f."followeeId" AND q."deletedAt" IS NULL AND q."replyToId" IS NULL
          ORDER BY q."id" DESC LIMIT 20
       ) x
       WHERE f."followerId" = $1
       ORDER BY x."id" DESC LIMIT 20
    ) p JOIN "user" u ON u."id" = p."authorId"
   ORDER BY p."id" DESC`;

/** Removes the bench's users (cascading to their follows, posts, likes and sessions), for BASE_URL runs. */
export async function removeDataSet(databaseUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "user" WHERE "id" LIKE $1::text || '%'`, [prefix]);
  } finally {
    await client.end();
  }
}
