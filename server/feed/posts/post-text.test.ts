import { describe, expect, it } from "vitest";
import { LINK_LENGTH, mentionedUsernames, parsePostText, postLength } from "./post-text";

describe("postLength", () => {
  it("counts what a person sees: an emoji, a flag, a family or an accented letter is one", () => {
    expect(postLength("hello")).toBe(5);
    expect(postLength("👍🏽")).toBe(1);
    expect(postLength("🇫🇷🇯🇵")).toBe(2);
    expect(postLength("👨‍👩‍👧‍👦")).toBe(1);
    expect(postLength("e\u0301")).toBe(1);
  });

  it("counts every link as 23, however long", () => {
    expect(postLength("see https://example.com/a/very/long/path?with=query&and=more")).toBe(4 + LINK_LENGTH);
    expect(postLength("x.com")).toBe(LINK_LENGTH);
    expect(postLength("end at https://a.dev.")).toBe(7 + LINK_LENGTH + 1);
  });
});

describe("parsePostText", () => {
  it("finds links, hashtags and mentions, and leaves everything else as text", () => {
    expect(parsePostText("Hi @Bob, see https://example.com/x #News! <b>not html</b>")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", text: "@Bob", username: "bob" },
      { kind: "text", text: ", see " },
      { kind: "link", text: "https://example.com/x", href: "https://example.com/x" },
      { kind: "text", text: " " },
      { kind: "hashtag", text: "#News", tag: "news" },
      { kind: "text", text: "! <b>not html</b>" },
    ]);
  });

  it("does not take a #fragment inside a link, an email address, or a number for a tag", () => {
    expect(parsePostText("https://example.com/#top").map((part) => part.kind)).toEqual(["link"]);
    expect(parsePostText("mail me@example.com").some((part) => part.kind === "mention" || part.kind === "link")).toBe(false);
    expect(parsePostText("#1 fan").map((part) => part.kind)).toEqual(["text"]);
    expect(mentionedUsernames("@alice and @ALICE and @bob")).toEqual(["alice", "bob"]);
  });
});
