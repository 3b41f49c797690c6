/**
 * What Discord wraps around a question without changing what it asks: mentions of people, roles
 * and channels, @everyone and @here, custom and Unicode emoji, emoji shortcodes and links. Left in,
 * they weigh as unknown words and can push an answer below the threshold (the same question with
 * "@everyone" in front was declined). Markdown marks need nothing here: tokenising drops them.
 */
const DISCORD_MARKUP = /<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|<\/[^:<>]+:\d+>|<t:-?\d+(?::[a-zA-Z])?>/g;
const BROADCAST = /(?<![\p{L}\p{N}])@(?:everyone|here)(?![\p{L}\p{N}])/giu;
const SHORTCODE = /(?<![\p{L}\p{N}]):[a-z0-9_+-]{2,32}:(?![\p{L}\p{N}])/giu;
const LINK = /(?<![\p{L}\p{N}])https?:\/\/\S+/giu;
// Keycaps ("1️⃣", its digit included), pictographs, flags (regional indicators), skin tones and
// the joiners that glue them.
const EMOJI =
  /[0-9#*]\u{FE0F}?\u{20E3}|\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** The question without the chat markup around it; white space collapsed. */
export function stripChatNoise(text: string): string {
  return text
    .replace(DISCORD_MARKUP, " ")
    .replace(BROADCAST, " ")
    .replace(SHORTCODE, " ")
    .replace(LINK, " ")
    .replace(EMOJI, " ")
    .replace(/\s+/g, " ")
    .trim();
}
