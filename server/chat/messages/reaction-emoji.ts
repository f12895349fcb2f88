/**
 * What a reaction may be: exactly one emoji as Unicode lists it (RGI: skin
 * tones, ZWJ families, flags and keycaps included) and nothing else, so a
 * reaction can never carry text. Pure: the browser may use the same rule.
 * An emoji newer than the runtime's Unicode tables is refused until Node
 * catches up (Node 20: Emoji 15.1, the emoji picker's data is Emoji 15).
 */

/** The longest reaction accepted, in UTF-16 code units; the longest RGI emoji (a kiss with two skin tones) is 15. */
export const REACTION_EMOJI_MAX_LENGTH = 32;

// The "v" flag's property of strings matches one whole emoji sequence (built with RegExp: TypeScript targets ES2022).
const ONE_EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");

export function isReactionEmoji(value: string): boolean {
  return value.length <= REACTION_EMOJI_MAX_LENGTH && ONE_EMOJI.test(value);
}
