/**
 * A post as the browser sees it. Ids are strings (Postgres bigints); text is
 * plain text that the client renders into elements (never HTML).
 */
export type AuthorView = { id: string; name: string; username: string | null; image: string | null };

/** A post's picture: a WebP served from the media route, with its size (so the layout does not jump) and alt text. */
export type PostImageView = { url: string; width: number; height: number; alt: string };

export type QuotedPostView = { id: string; author: AuthorView; text: string; createdAt: Date; deleted: boolean };

export type PostView = {
  id: string;
  author: AuthorView;
  text: string;
  createdAt: Date;
  /** Set on replies: the post answered, and its author when it is still there. */
  replyTo: { id: string; author: AuthorView | null } | null;
  rootId: string | null;
  quote: QuotedPostView | null;
  /** Up to 4, in the author's order; none on a deleted post. */
  images: PostImageView[];
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
  /** The viewer's own state (false for a signed-out reader). */
  liked: boolean;
  reposted: boolean;
  bookmarked: boolean;
  /** A deleted post keeps its place in a thread, without text. */
  deleted: boolean;
};

/** One entry of a timeline: a post, or someone's repost of it (then `entryId` is the repost's id). */
export type TimelineItem = { entryId: string; repostedBy: AuthorView | null; post: PostView };

export type TimelinePage = { items: TimelineItem[]; nextCursor: string | null };
