import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { db } from "@/server/platform/db";
import { checkUsernameAvailable } from "./check-username-available";
import { getProfileOrThrow } from "./get-profile-or-throw";
import { createTestUser } from "./test-users";
import { UpdateProfileInput, updateProfile } from "./update-profile";

afterAll(() => db.$disconnect());

const uniqueName = () => `u_${Math.random().toString(36).slice(2, 12)}`;

describe("updateProfile (real Postgres)", () => {
  it("renames, storing the canonical username and keeping the typed casing for display", async () => {
    const user = await createTestUser(db);
    const wanted = uniqueName();
    const typed = wanted.toUpperCase();
    const profile = await updateProfile({ db, userId: user.id, name: "  Ada Lovelace ", username: typed });
    expect(profile).toMatchObject({ name: "Ada Lovelace", username: wanted, displayUsername: typed });
    expect(await getProfileOrThrow({ db, userId: user.id })).toMatchObject({ username: wanted });
  });

  it("keeps your own username without calling it taken", async () => {
    const user = await createTestUser(db);
    const profile = await updateProfile({ db, userId: user.id, name: "Same Name", username: user.username ?? "" });
    expect(profile.username).toBe(user.username);
  });

  it("refuses a username someone else has, as a CONFLICT on the username field", async () => {
    const owner = await createTestUser(db);
    const other = await createTestUser(db);
    const attempt = updateProfile({ db, userId: other.id, name: "Other", username: (owner.username ?? "").toUpperCase() });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: "That username is taken.", details: { field: "username" } });
    expect((await getProfileOrThrow({ db, userId: other.id })).username).toBe(other.username);
  });

  it("lets exactly one of two concurrent renames to the same name win", async () => {
    const [first, second] = await Promise.all([createTestUser(db), createTestUser(db)]);
    const wanted = uniqueName();
    const results = await Promise.allSettled([
      updateProfile({ db, userId: first.id, name: "First", username: wanted }),
      updateProfile({ db, userId: second.id, name: "Second", username: wanted }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses malformed input with a field-specific BAD_REQUEST", async () => {
    const user = await createTestUser(db);
    await expect(updateProfile({ db, userId: user.id, name: "   ", username: uniqueName() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "name" },
    });
    await expect(updateProfile({ db, userId: user.id, name: "Fine", username: "no-dashes" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "username" },
    });
  });

  it("answers NOT_FOUND for an account that no longer exists", async () => {
    await expect(updateProfile({ db, userId: "missing-user", name: "X", username: uniqueName() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("validates the tRPC input with per-field messages", () => {
    const result = UpdateProfileInput.safeParse({ name: "", username: "ab" });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((issue) => [issue.path[0], issue.message]);
    expect(fields).toEqual([
      ["name", "Enter a display name."],
      ["username", "Use at least 3 characters."],
    ]);
  });
});

describe("checkUsernameAvailable", () => {
  it("says taken for someone else's name, available for your own and for free names", async () => {
    const owner = await createTestUser(db);
    const other = await createTestUser(db);
    const ownerName = owner.username ?? "";
    expect(await checkUsernameAvailable({ db, username: ownerName.toUpperCase(), userId: other.id })).toEqual({
      available: false,
      username: ownerName,
      reason: "That username is taken.",
    });
    expect(await checkUsernameAvailable({ db, username: ownerName, userId: owner.id })).toMatchObject({ available: true });
    expect(await checkUsernameAvailable({ db, username: uniqueName() })).toMatchObject({ available: true });
    expect(await checkUsernameAvailable({ db, username: "x!" })).toMatchObject({ available: false });
  });

  it("limits checks per client address", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 254) + 1}`;
    await Promise.all(Array.from({ length: 60 }, () => checkUsernameAvailable({ db, username: uniqueName(), ip })));
    await expect(checkUsernameAvailable({ db, username: uniqueName(), ip })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await checkUsernameAvailable({ db, username: uniqueName(), ip: "192.0.2.255" })).toMatchObject({ available: true });
  });
});
