/**
 * An address the bot may put behind a link it builds itself: https only, and nothing — spaces,
 * brackets, quotes, angle brackets, backslashes — that could end the link early and start another.
 */
export const SAFE_LINK_URL = /^https:\/\/[^\s()<>[\]"'`\\]+$/;
