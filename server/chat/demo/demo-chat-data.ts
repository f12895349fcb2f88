/** A demo conversation: its people by username (the first starts it), and its messages in order. */
export type DemoConversation = {
  slug: string;
  /** Set for a group; a DM has exactly two people. */
  groupName?: string;
  people: readonly string[];
  messages: ReadonlyArray<{ from: string; body: string; reactions?: ReadonlyArray<{ by: string; emoji: string }>; pinned?: boolean }>;
  /** Messages the first person has not read yet (the newest ones), so the demo shows unread counts. */
  unreadForFirst: number;
};

export const DEMO_CONVERSATIONS: readonly DemoConversation[] = [
  {
    slug: "launch-crew",
    groupName: "Launch crew",
    people: ["alice", "bob", "carol", "dave"],
    unreadForFirst: 2,
    messages: [
      { from: "alice", body: "Morning all! Launch is Thursday at 10:00 UTC.", pinned: true },
      { from: "bob", body: "Chat load test is green: 1,000 clients, nothing lost, nothing out of order.", reactions: [{ by: "alice", emoji: "🎉" }, { by: "carol", emoji: "🎉" }] },
      { from: "carol", body: "The shop has its spring prices in. Discount code WELCOME10 works at checkout." },
      { from: "dave", body: "I'll record the demo video tonight and upload it to my channel." },
      { from: "alice", body: "Perfect. The short link for the announcement is /spring-sale, it already has clicks from the newsletter.", reactions: [{ by: "bob", emoji: "👍" }] },
      { from: "bob", body: "Who takes the status page during the launch?" },
      { from: "carol", body: "Me. I'll post in #casebook on the feed when we flip the switch." },
      { from: "dave", body: "Drivers for the offsite are booked through Rides, pickup at Union Square." },
      { from: "bob", body: "Last check: @alice can you approve the release notes?" },
      { from: "carol", body: "And the checklist is pinned at the top of this chat." },
    ],
  },
  {
    slug: "alice-bob",
    people: ["alice", "bob"],
    unreadForFirst: 0,
    messages: [
      { from: "bob", body: "Got a minute for the gateway restart test?" },
      { from: "alice", body: "Sure. What did you see?" },
      { from: "bob", body: "Every client came back within 17 s and filled its gaps from history." },
      { from: "alice", body: "That's what we want. Ship it 🚀", reactions: [{ by: "bob", emoji: "❤️" }] },
    ],
  },
  {
    slug: "carol-alice",
    people: ["carol", "alice"],
    unreadForFirst: 0,
    messages: [
      { from: "carol", body: "Are you coming to the offsite on Friday?" },
      { from: "alice", body: "Yes! I'll bring the agenda: /team-offsite (password in your email)." },
      { from: "carol", body: "Great, see you there." },
    ],
  },
];
