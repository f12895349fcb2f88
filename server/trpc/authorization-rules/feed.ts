import { createTestUser } from "@/server/accounts/test-users";
import type { Person, RouteRequest } from "../authorization-kit";
import { STAFF, USER, type Kit, type Rule } from "./rule";

// Feed: posts and profiles are public; likes, reposts, bookmarks, follows, blocks and mutes are the caller's own;
// someone's block shuts the blocked person out of their posts; the report queue is for admins.

/** A post of `author`'s, as feed.posts.create answers it. */
async function postBy(kit: Kit, author: Person): Promise<string> {
  return (await kit.make<{ id: string }>("feed.posts.create", { text: "From the authorization suite #authz" }, author)).id;
}

/**
 * A post by someone new who blocked B. These rules use "owner" for the blocked viewer: A may reply to, like,
 * repost, bookmark or report it (2xx), B, being blocked, is refused (403), and signed out is 401.
 */
async function postOfSomeoneWhoBlockedB(kit: Kit): Promise<string> {
  const blocker = await createTestUser(kit.db, { name: "Blocks B" });
  const post = await kit.db.post.create({ data: { authorId: blocker.id, text: "Not for B #authz" }, select: { id: true } });
  await kit.db.feedBlock.create({ data: { blockerId: blocker.id, blockedId: kit.b.id } });
  return post.id.toString();
}

const onPostOfBlocker = (input: Record<string, unknown>): Rule<unknown> => ({
  access: "owner",
  request: async (kit) => ({ postId: await postOfSomeoneWhoBlockedB(kit), ...input }),
});

/** Blocks and mutes act on the caller's own list; the target is someone new, so no other rule's people are affected. */
const onNewPerson = (input: Record<string, unknown>): Rule<unknown> => ({
  access: "user",
  request: async (kit) => ({ userId: (await createTestUser(kit.db)).id, ...input }),
});

/** A post of C's with an open report for the admin rules to settle. */
async function reportedPost(kit: Kit): Promise<string> {
  const postId = await postBy(kit, kit.c);
  const reporter = await createTestUser(kit.db);
  await kit.db.postReport.create({ data: { postId: BigInt(postId), reporterId: reporter.id, reason: "spam" } });
  return postId;
}

export const procedures: Record<string, Rule<unknown>> = {
  "feed.timeline.home": USER,
  "feed.timeline.forYou": USER,
  // A reply: anyone signed in may post, but not answer someone who blocked them.
  "feed.posts.create": {
    access: "owner",
    request: async (kit) => ({ text: "A reply from the authorization suite", replyToId: await postOfSomeoneWhoBlockedB(kit) }),
  },
  "feed.posts.delete": { access: "owner", request: async (kit) => ({ postId: await postBy(kit, kit.a) }) },
  "feed.posts.thread": { access: "public", why: "posts are public, like a profile; the viewer's own likes are the only personal part" },
  "feed.posts.byAuthor": { access: "public", why: "a profile's posts and replies are public" },
  "feed.posts.bookmarks": USER,
  "feed.posts.likedBy": { access: "public", why: "likes are public on a profile, like the counts; hydration hides anyone blocked either way" },
  "feed.posts.byTag": { access: "public", why: "hashtag pages list public posts" },
  "feed.engagement.like": onPostOfBlocker({ liked: true }),
  "feed.engagement.repost": onPostOfBlocker({ reposted: true }),
  "feed.engagement.bookmark": onPostOfBlocker({ bookmarked: true }),
  "feed.people.follows": { access: "public", why: "followers and following lists are public like their counts, leaving out anyone blocked either way" },
  "feed.people.updateBio": { access: "user", request: () => ({ bio: "Written by the authorization suite" }) },
  "feed.people.profile": { access: "public", why: "profiles and their counts are public" },
  // Following someone is an act on one's own graph; the other person's id is the input.
  "feed.people.follow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "feed.people.unfollow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "feed.safety.block": onNewPerson({ blocked: true }),
  "feed.safety.mute": onNewPerson({ muted: true }),
  "feed.safety.report": onPostOfBlocker({ reason: "spam" }),
  "feed.explore.posts": { access: "public", why: "searches public posts; hydration hides anyone blocked either way or muted by the viewer" },
  "feed.explore.people": { access: "public", why: "searches public profiles, leaving out anyone blocked either way" },
  "feed.explore.trending": { access: "public", why: "counts of public hashtags, no one's identity" },
  "feed.explore.suggestions": { access: "public", why: "public profiles; signed in, ranked by the caller's own follows" },
  "feed.moderation.queue": STAFF,
  "feed.moderation.resolve": { access: "admin", request: async (kit) => ({ postId: await reportedPost(kit), action: "dismiss" }) },
};

export const routes: Record<string, Rule<RouteRequest>> = {
  // Anyone signed in may upload a picture; it is theirs until one of their posts takes it (create-post.ts).
  "POST /api/feed/images": { access: "user", request: () => ({ path: "/api/feed/images", headers: { "content-type": "image/png" } }) },
};
