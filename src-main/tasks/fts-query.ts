const MAX_TERMS = 16;

/**
 * Turns what a user typed into a safe FTS5 query: every word becomes a quoted prefix term, all must match.
 * Returns null when the text has no words (punctuation only), meaning "no text filter".
 * Quoting each term means no FTS5 syntax (AND, NEAR, column filters, stray quotes) can be injected.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, MAX_TERMS)
    .map((word) => `"${word}"*`)
    .join(' ');
}
