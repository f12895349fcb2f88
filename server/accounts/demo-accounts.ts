/**
 * The people on the demo database. Drivers serve Rides; alice is also the
 * admin. All share env.DEMO_PASSWORD.
 */
export type DemoAccount = {
  username: string;
  name: string;
  email: string;
  role: "user" | "admin" | "driver";
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "alice", name: "Alice Martin", email: "alice@casebook.dev", role: "admin" },
  { username: "bob", name: "Bob Okafor", email: "bob@casebook.dev", role: "user" },
  { username: "carol", name: "Carol Nguyen", email: "carol@casebook.dev", role: "user" },
  { username: "dave", name: "Dave Kowalski", email: "dave@casebook.dev", role: "user" },
  // Usernames are [a-z0-9_]: the drivers sign in as dan_driver (or with their email, dan-driver@…).
  { username: "dan_driver", name: "Dan Reyes", email: "dan-driver@casebook.dev", role: "driver" },
  { username: "erin_driver", name: "Erin Walsh", email: "erin-driver@casebook.dev", role: "driver" },
  { username: "frank_driver", name: "Frank Osei", email: "frank-driver@casebook.dev", role: "driver" },
];
