import { describe, expect, it } from "vitest";
import { REACTION_EMOJI_MAX_LENGTH, isReactionEmoji } from "./reaction-emoji";
import { ToggleReactionInput } from "./toggle-reaction";

describe("reaction emoji", () => {
  it("accepts any one emoji the picker offers: skin tones, ZWJ sequences, flags, keycaps, subdivision flags", () => {
    for (const emoji of ["👍", "👍🏽", "🦄", "🫠", "❤️", "👩‍💻", "👨‍👩‍👧‍👦", "🧑🏿‍🤝‍🧑🏻", "🇯🇵", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]) {
      expect(isReactionEmoji(emoji), emoji).toBe(true);
    }
  });

  it("refuses text, two emoji, spaces, a lone regional letter and anything past the named limit", () => {
    for (const value of ["", "a", "1", "#", ":)", "👍👍", "👍 ", " 👍", "🇯", "ok👍", "👍".repeat(REACTION_EMOJI_MAX_LENGTH)]) {
      expect(isReactionEmoji(value), JSON.stringify(value)).toBe(false);
    }
  });

  it("is what chat.react validates its input with", () => {
    expect(ToggleReactionInput.safeParse({ messageId: "m1", emoji: "🦄" }).success).toBe(true);
    const refused = ToggleReactionInput.safeParse({ messageId: "m1", emoji: "no" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("Pick one emoji.");
  });
});
