import { describe, expect, it } from "vitest";
import { UsernameSchema, isValidUsername, normalizeUsername } from "./username";

describe("username rules", () => {
  it("lower-cases and trims before checking", () => {
    expect(normalizeUsername("  Alice_B ")).toBe("alice_b");
    expect(UsernameSchema.parse("Alice_B")).toBe("alice_b");
  });

  it.each(["abc", "a_b_c", "user123", "x".repeat(30)])("accepts %s", (name) => {
    expect(isValidUsername(name)).toBe(true);
    expect(UsernameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ["ab", "Use at least 3 characters."],
    ["x".repeat(31), "Use at most 30 characters."],
    ["dan-driver", "Use only letters, digits and underscores."],
    ["a.b.c", "Use only letters, digits and underscores."],
    ["émile", "Use only letters, digits and underscores."],
    ["has space", "Use only letters, digits and underscores."],
  ])("refuses %s", (name, message) => {
    const result = UsernameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
    expect(isValidUsername(normalizeUsername(name))).toBe(false);
  });
});
