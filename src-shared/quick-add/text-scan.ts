// The working copy of the quick-add text: parts already understood (or quoted) are masked out so later
// passes cannot match them again, while every offset stays an offset into the original text.

/** Masked characters: not a word, not a space, so nothing matches across or into them. */
export const MASK = '\uFFFF';

export class TextScan {
  readonly text: string;
  private readonly chars: string[];
  private joined: string | null = null;

  constructor(text: string) {
    this.text = text;
    this.chars = text.split(''); // UTF-16 code units, like every offset in the result
  }

  /** The text with masked parts replaced by MASK (same length as the original). */
  get masked(): string {
    this.joined ??= this.chars.join('');
    return this.joined;
  }

  mask(start: number, end: number): void {
    for (let i = start; i < end; i++) this.chars[i] = MASK;
    this.joined = null;
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.chars[i] === MASK) return false;
    return true;
  }

  /** The word just before `index` (skipping spaces), lower-cased, with its start; null at the start. */
  wordBefore(index: number): { word: string; start: number } | null {
    const before = this.masked.slice(0, index);
    const match = /([\p{L}]+)\s+$/u.exec(before);
    if (!match) return null;
    return { word: match[1]!.toLowerCase(), start: before.length - match[0].length };
  }

  /** True when nothing but spaces, masks and punctuation follows `index`. */
  endsAt(index: number): boolean {
    return /^[\s\uFFFF,.;:!?)]*$/u.test(this.masked.slice(index));
  }
}
