import type { Person } from "../authorization-kit";
import { USER, type Kit, type Rule } from "./rule";

// Feed: posts and profiles are public; likes, reposts, bookmarks and follows are the caller's own.

/** A post of `author`'s, as feed.posts.create answers it. */
async function postBy(kit: Kit, author: Person): Promise<string> {
  return (await kit.make<{ id: string }>("feed.posts.create", { text: "From the authorization suite #authz" }, author)).id;
}

/** Acting on someone else's public post (C's) is what these are for; the caller's own like/repost/bookmark is the only row touched. */
const onPostOfC = (input: Record<string, unknown>): Rule<unknown> => ({ access: "user", request: async (kit) => ({ postId: await postBy(kit, kit.c), ...input }) });

export const procedures: Record<string, Rule<unknown>> = {
  "feed.timeline.home": USER,
  "feed.posts.create": { access: "user", request: () => ({ text: "Hello from the authorization suite" }) },
  "feed.posts.delete": { access: "owner", request: async (kit) => ({ postId: await postBy(kit, kit.a) }) },
  "feed.posts.thread": { access: "public", why: "posts are public, like a profile; the viewer's own likes are the only personal part" },
  "feed.posts.byAuthor": { access: "public", why: "a profile's posts and replies are public" },
  "feed.posts.byTag": { access: "public", why: "hashtag pages list public posts" },
  "feed.engagement.like": onPostOfC({ liked: true }),
  "feed.engagement.repost": onPostOfC({ reposted: true }),
  "feed.engagement.bookmark": onPostOfC({ bookmarked: true }),
  "feed.people.profile": { access: "public", why: "profiles and their counts are public" },
  // Following someone is an act on one's own graph; the other person's id is the input.
  "feed.people.follow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
  "feed.people.unfollow": { access: "user", request: (kit) => ({ userId: kit.c.id }) },
};
