"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadError } from "@/components/ui/load-error";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import type { FeedProfileView } from "@/server/feed/graph/get-feed-profile";
import { EditBio } from "./edit-bio";
import { compactCount, profileHref } from "./feed-format";
import { PagedPostList } from "./paged-post-list";
import { BlockedNotice, ProfileSafetyMenu } from "./profile-safety";

const PROFILE_TABS = [
  { id: "posts", label: "Posts" },
  { id: "replies", label: "Replies" },
  { id: "media", label: "Media" },
  { id: "likes", label: "Likes" },
] as const;
type Tab = (typeof PROFILE_TABS)[number]["id"];

/** /feed/u/[username]: the person, their counts, follow / unfollow, and their posts or replies. */
export function ProfileView({ username, viewerId }: { username: string; viewerId: string | null }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.feed.people.profile.queryOptions({ username }));

  if (profile.isPending) return <Skeleton className="h-40 w-full" />;
  if (profile.isError) {
    return profile.error.data?.code === "NOT_FOUND" ? (
      <EmptyState title="No such person" description={profile.error.message} />
    ) : (
      <LoadError title="Could not load this profile" message={profile.error.message} onRetry={() => void profile.refetch()} />
    );
  }
  const blocked = profile.data.youBlocked || profile.data.blockedYou;
  return (
    <div className="space-y-4">
      <ProfileHeader profile={profile.data} viewerId={viewerId} />
      {blocked ? <BlockedNotice profile={profile.data} /> : <ProfileTabs profile={profile.data} viewerId={viewerId} />}
    </div>
  );
}

function ProfileTabs({ profile, viewerId }: { profile: FeedProfileView; viewerId: string | null }) {
  const [tab, setTab] = useState<Tab>("posts");
  return (
    <>
      <Tabs label="Profile sections" tabs={PROFILE_TABS} value={tab} onChange={setTab} />
      <AuthorPosts userId={profile.id} tab={tab} viewerId={viewerId} />
    </>
  );
}

function ProfileHeader({ profile, viewerId }: { profile: FeedProfileView; viewerId: string | null }) {
  return (
    <Card className="p-5">
      <div className="flex flex-wrap items-start gap-4">
        <Avatar name={profile.name} image={profile.image} size="lg" />
        <div className="min-w-0 flex-1 space-y-1">
          <h1 className="text-2xl font-semibold text-fg">{profile.name}</h1>
          <p className="text-muted">
            {profile.username ? `@${profile.username}` : null} {profile.followsYou ? <Badge>Follows you</Badge> : null}{" "}
            {profile.youMuted ? <Badge>Muted</Badge> : null}
          </p>
          {profile.bio ? <p className="text-fg">{profile.bio}</p> : null}
          <p className="text-sm text-muted">Joined {profile.joinedAt.toLocaleDateString("en", { month: "long", year: "numeric" })}</p>
          <p className="flex gap-4 pt-1 text-sm text-muted">
            <Count label="Posts" value={profile.postCount} />
            <Count label="Following" value={profile.followingCount} href={`${profileHref(profile.username, profile.id)}/following`} />
            <Count label="Followers" value={profile.followerCount} href={`${profileHref(profile.username, profile.id)}/followers`} />
          </p>
        </div>
        {profile.isYou ? <EditBio bio={profile.bio} /> : null}
        {viewerId && !profile.isYou ? (
          <div className="flex items-center gap-1">
            {profile.blockedYou || profile.youBlocked ? null : <FollowButton profile={profile} />}
            <ProfileSafetyMenu profile={profile} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function Count({ label, value, href }: { label: string; value: number; href?: string }) {
  const content = (
    <>
      <strong className="font-semibold text-fg">{compactCount(value)}</strong> {label}
    </>
  );
  return href ? (
    <Link href={href} className="hover:underline">
      {content}
    </Link>
  ) : (
    <span>{content}</span>
  );
}

function FollowButton({ profile }: { profile: FeedProfileView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const onSettled = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.feed.people.profile.pathKey() }), queryClient.invalidateQueries({ queryKey: trpc.feed.timeline.home.pathKey() })]);
  const onError = (error: { message: string }) => toast.show({ tone: "error", title: "Could not change who you follow", description: error.message });
  const follow = useMutation(trpc.feed.people.follow.mutationOptions({ onSettled, onError }));
  const unfollow = useMutation(trpc.feed.people.unfollow.mutationOptions({ onSettled, onError }));
  const busy = follow.isPending || unfollow.isPending;
  return profile.following ? (
    <Button variant="secondary" loading={busy} onClick={() => unfollow.mutate({ userId: profile.id })} aria-label={`Unfollow ${profile.name}`}>
      Following
    </Button>
  ) : (
    <Button loading={busy} onClick={() => follow.mutate({ userId: profile.id })} aria-label={`Follow ${profile.name}`}>
      Follow
    </Button>
  );
}

const EMPTY_TITLES: Record<Tab, string> = { posts: "No posts yet", replies: "No replies yet", media: "No pictures yet", likes: "No likes yet" };

function AuthorPosts({ userId, tab, viewerId }: { userId: string; tab: Tab; viewerId: string | null }) {
  const trpc = useTRPC();
  const next = { getNextPageParam: (page: { nextCursor: string | null }) => page.nextCursor ?? undefined };
  const authored = useInfiniteQuery({ ...trpc.feed.posts.byAuthor.infiniteQueryOptions({ userId, tab: tab === "likes" ? "posts" : tab, limit: 20 }, next), enabled: tab !== "likes" });
  const liked = useInfiniteQuery({ ...trpc.feed.posts.likedBy.infiniteQueryOptions({ userId, limit: 20 }, next), enabled: tab === "likes" });
  return <PagedPostList pages={tab === "likes" ? liked : authored} viewerId={viewerId} emptyTitle={EMPTY_TITLES[tab]} />;
}
