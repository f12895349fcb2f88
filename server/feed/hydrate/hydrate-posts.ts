import type { Db } from "@/server/platform/db";
import { mediaUrl } from "@/server/platform/storage";
import type { AuthorView, PostImageView, PostView, QuotedPostView, TimelineItem } from "./post-view";

type Row = {
  id: bigint;
  authorId: string;
  authorName: string;
  authorUsername: string | null;
  authorImage: string | null;
  text: string;
  replyToId: bigint | null;
  rootId: bigint | null;
  quoteOfId: bigint | null;
  repostOfId: bigint | null;
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
  createdAt: Date;
  deletedAt: Date | null;
  images: Array<{ key: string; width: number; height: number; alt: string }>;
  liked: boolean;
  reposted: boolean;
  bookmarked: boolean;
  /** The author and the viewer: either blocked the other / the viewer muted the author. */
  blocked: boolean;
  muted: boolean;
};

/**
 * Turns post ids (timeline entries) into views with ONE statement whatever
 * the page size: the entries, the originals of reposts, the posts they quote
 * or answer, each row with its author (joined), its pictures (aggregated), the viewer's like, repost
 * and bookmark, and whether a block or the viewer's mute hides its author
 * (EXISTS on the primary keys). No query per post.
 */
async function loadRows(db: Db, ids: readonly bigint[], viewerId: string | null): Promise<Map<bigint, Row>> {
  if (ids.length === 0) return new Map();
  const idList = ids.map(String);
  const viewer = viewerId ?? "";
  const rows = await db.$queryRaw<Row[]>`
    WITH entry AS (SELECT * FROM "feed_post" WHERE "id" = ANY(${idList}::bigint[])),
         shown AS (SELECT * FROM entry UNION SELECT * FROM "feed_post" WHERE "id" IN (SELECT "repostOfId" FROM entry)),
         wanted AS (SELECT * FROM shown
                    UNION SELECT * FROM "feed_post" WHERE "id" IN (SELECT "quoteOfId" FROM shown UNION SELECT "replyToId" FROM shown))
    SELECT w."id", w."authorId", u."name" AS "authorName", u."username" AS "authorUsername", u."image" AS "authorImage",
           w."text", w."replyToId", w."rootId", w."quoteOfId", w."repostOfId",
           w."likeCount", w."repostCount", w."replyCount", w."quoteCount", w."createdAt", w."deletedAt",
           COALESCE((SELECT json_agg(json_build_object('key', i."key", 'width', i."width", 'height', i."height", 'alt', i."alt") ORDER BY i."position")
                       FROM "feed_post_image" i WHERE i."postId" = w."id"), '[]'::json) AS "images",
           EXISTS (SELECT 1 FROM "feed_like" l WHERE l."userId" = ${viewer} AND l."postId" = w."id") AS "liked",
           EXISTS (SELECT 1 FROM "feed_post" r WHERE r."authorId" = ${viewer} AND r."repostOfId" = w."id") AS "reposted",
           EXISTS (SELECT 1 FROM "feed_bookmark" b WHERE b."userId" = ${viewer} AND b."postId" = w."id") AS "bookmarked",
           EXISTS (SELECT 1 FROM "feed_block" k WHERE (k."blockerId" = w."authorId" AND k."blockedId" = ${viewer})
                                                OR (k."blockerId" = ${viewer} AND k."blockedId" = w."authorId")) AS "blocked",
           EXISTS (SELECT 1 FROM "feed_mute" m WHERE m."muterId" = ${viewer} AND m."mutedId" = w."authorId") AS "muted"
      FROM wanted w JOIN "user" u ON u."id" = w."authorId"`;
  return new Map(rows.map((row) => [row.id, row]));
}

function authorOf(row: Row): AuthorView {
  return { id: row.authorId, name: row.authorName, username: row.authorUsername, image: row.authorImage };
}

function quotedView(row: Row): QuotedPostView {
  const deleted = row.deletedAt !== null;
  return { id: row.id.toString(), author: authorOf(row), text: deleted ? "" : row.text, createdAt: row.createdAt, deleted };
}

function postView(row: Row, rows: Map<bigint, Row>): PostView {
  const deleted = row.deletedAt !== null;
  const parent = row.replyToId === null ? undefined : rows.get(row.replyToId);
  const quotedRow = row.quoteOfId === null ? undefined : rows.get(row.quoteOfId);
  // A quoted post of someone hidden from the viewer is left out, as if it were gone.
  const quoted = quotedRow && !quotedRow.blocked && !quotedRow.muted ? quotedRow : undefined;
  return {
    id: row.id.toString(),
    author: authorOf(row),
    text: deleted ? "" : row.text,
    createdAt: row.createdAt,
    replyTo: row.replyToId === null ? null : { id: row.replyToId.toString(), author: parent ? authorOf(parent) : null },
    rootId: row.rootId?.toString() ?? null,
    quote: quoted ? quotedView(quoted) : null,
    images: deleted ? [] : row.images.map(imageView),
    likeCount: row.likeCount,
    repostCount: row.repostCount,
    replyCount: row.replyCount,
    quoteCount: row.quoteCount,
    liked: row.liked,
    reposted: row.reposted,
    bookmarked: row.bookmarked,
    deleted,
  };
}

function imageView({ key, width, height, alt }: Row["images"][number]): PostImageView {
  return { url: mediaUrl(key), width, height, alt };
}

const hidden = (row: Row, { showMuted }: { showMuted: boolean }) => row.blocked || (row.muted && !showMuted);

/**
 * Timeline entries in the order given. Deleted posts, undone reposts and
 * reposts of deleted posts are left out here, at hydration, so a delete
 * never has to reach into every follower's timeline; so are posts and
 * reposts by people the viewer blocked or was blocked by, and by people the
 * viewer muted unless `showMuted` (their own profile, opened on purpose).
 */
export async function hydrateTimeline(db: Db, entryIds: readonly bigint[], viewerId: string | null, { showMuted = false } = {}): Promise<TimelineItem[]> {
  const rows = await loadRows(db, entryIds, viewerId);
  const items: TimelineItem[] = [];
  for (const id of entryIds) {
    const entry = rows.get(id);
    if (!entry || entry.deletedAt !== null || hidden(entry, { showMuted })) continue;
    const original = entry.repostOfId === null ? entry : rows.get(entry.repostOfId);
    if (!original || original.deletedAt !== null || hidden(original, { showMuted })) continue;
    items.push({ entryId: entry.id.toString(), repostedBy: original === entry ? null : authorOf(entry), post: postView(original, rows) });
  }
  return items;
}

export type HydratedPost = { view: PostView; blocked: boolean; muted: boolean };

/**
 * Posts by id in the order given, deleted ones included (as placeholders):
 * threads keep their shape. Each says whether a block or the viewer's mute
 * hides its author, for the caller to decide (a thread drops such replies).
 */
export async function hydratePosts(db: Db, ids: readonly bigint[], viewerId: string | null): Promise<HydratedPost[]> {
  const rows = await loadRows(db, ids, viewerId);
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row && row.repostOfId === null ? [{ view: postView(row, rows), blocked: row.blocked, muted: row.muted }] : [];
  });
}
