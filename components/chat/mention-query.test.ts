import { describe, expect, it } from "vitest";
import { completeMention, mentionAt, MENTION_SUGGESTIONS, suggestMembers } from "./mention-query";

const person = (name: string, username: string | null) => ({ id: username ?? name, name, username, image: null });

describe("@mention autocomplete", () => {
  it("finds the mention the caret is at the end of, and nothing inside words or addresses", () => {
    expect(mentionAt("Hi @be", 6)).toEqual({ start: 3, query: "be" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("(@ben_2", 7)).toEqual({ start: 1, query: "ben_2" });
    expect(mentionAt("Hi @be there", 12)).toBeNull();
    expect(mentionAt("mail ava@example", 16)).toBeNull();
    expect(mentionAt("@@ben", 5)).toBeNull();
    // The caret, not the end of the text, decides.
    expect(mentionAt("Hi @be and more", 6)).toEqual({ start: 3, query: "be" });
  });

  it("offers usernames first, then names by any word, only people with a username, at most a few", () => {
    const ben = person("Ben Ode", "ben_o");
    const bea = person("Alice Bearman", "alice");
    const nameless = person("Bert", null);
    expect(suggestMembers([bea, ben, nameless], "BE")).toEqual([ben, bea]);
    expect(suggestMembers([bea, ben], "")).toEqual([bea, ben]);
    const many = Array.from({ length: 10 }, (_, index) => person(`Sam ${index}`, `sam${index}`));
    expect(suggestMembers(many, "sam")).toHaveLength(MENTION_SUGGESTIONS);
  });

  it("completes the mention with the username and a space, keeping the rest of the text", () => {
    expect(completeMention("Hi @be", 6, { start: 3, query: "be" }, "ben_o")).toEqual({ text: "Hi @ben_o ", caret: 10 });
    expect(completeMention("Hi @be there", 6, { start: 3, query: "be" }, "ben_o")).toEqual({ text: "Hi @ben_o there", caret: 10 });
    expect(completeMention("@b", 2, { start: 0, query: "b" }, "ben_o")).toEqual({ text: "@ben_o ", caret: 7 });
  });
});
