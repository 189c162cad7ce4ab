// The sigil tokens: "quoted literal text", #List / #"Multi word list", @tag, !high/!medium/!low and p1-p3.
// A sigil counts only at the start of the text or after a space, so "bob@example.com" and "C#" stay text.
import { TAG_NAME_MAX, TAGS_PER_TASK_MAX, tagKey } from '../tag-schemas.ts';
import type { Priority } from '../task-schemas.ts';
import type { QuickAddSpan, QuickAddWarning } from './quick-add-schemas.ts';
import type { TextScan } from './text-scan.ts';

type Emit = (span: QuickAddSpan) => void;
type Warn = (warning: QuickAddWarning) => void;

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['\u201c', '\u201d'],
];

/** `#"Side project"`: a list named in quotes (matched before plain quotes are taken as literal text). */
export function scanQuotedLists(scan: TextScan, lists: readonly string[], emit: Emit, warn: Warn): void {
  for (const match of scan.masked.matchAll(/(?<=^|\s)#(?:"([^"\n]+)"|\u201c([^\u201d\n]+)\u201d)/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const name = (match[1] ?? match[2] ?? '').trim();
    const known = findList(lists, name);
    if (known === undefined) {
      warn({ code: 'UNKNOWN_LIST', message: `No list is called "${name}": left as text.`, start, end });
      continue; // its quotes then make it literal text
    }
    emit({ kind: 'list', start, end, text: match[0], value: { name: known } });
    scan.mask(start, end);
  }
}

/** "Quoted text" is taken literally: masked from every later pass, its quotes dropped from the title. */
export function scanLiterals(scan: TextScan, emit: Emit): void {
  const text = scan.masked;
  let i = 0;
  while (i < text.length) {
    const pair = QUOTE_PAIRS.find(([open]) => text[i] === open);
    const close = pair ? text.indexOf(pair[1], i + 1) : -1;
    if (!pair || close < 0) {
      i++;
      continue;
    }
    emit({
      kind: 'literal',
      start: i,
      end: close + 1,
      text: text.slice(i, close + 1),
      value: { text: text.slice(i + 1, close) },
    });
    scan.mask(i, close + 1);
    i = close + 1;
  }
}

function findList(lists: readonly string[], name: string): string | undefined {
  const wanted = name.toLocaleLowerCase();
  return lists.find((list) => list.trim().toLocaleLowerCase() === wanted);
}

const BOUNDARY = /^(?:$|[\s\uFFFF,;:!?)]|\.(?:$|\s))/u;

/** `#home`, or `#side project` when an account list has that multi-word name (longest name wins). */
export function scanLists(scan: TextScan, lists: readonly string[], emit: Emit, warn: Warn): void {
  const byLength = [...lists].sort((a, b) => b.length - a.length);
  for (const match of scan.masked.matchAll(/(?<=^|\s)#(?=[\p{L}\p{N}_])/gu)) {
    const start = match.index;
    const rest = scan.masked.slice(start + 1);
    const known = byLength.find((list) => {
      const name = list.trim();
      return (
        name.length > 0 &&
        rest.slice(0, name.length).toLocaleLowerCase() === name.toLocaleLowerCase() &&
        BOUNDARY.test(rest.slice(name.length))
      );
    });
    if (known !== undefined) {
      const end = start + 1 + known.trim().length;
      emit({ kind: 'list', start, end, text: scan.text.slice(start, end), value: { name: known } });
      scan.mask(start, end);
      continue;
    }
    const word = /^[\p{L}\p{N}_\-/]+/u.exec(rest)?.[0] ?? '';
    // "#123" reads as an issue number, not a list: no warning for it.
    if (!/^\d+$/.test(word)) {
      warn({
        code: 'UNKNOWN_LIST',
        message: `No list is called "${word}": left as text.`,
        start,
        end: start + 1 + word.length,
      });
    }
  }
}

/**
 * `@tag`: letters, digits, _ - / . (not ending in a dot), up to 50 characters (a longer one stays text).
 * Repeats (ignoring case) count once; past 20 tags the rest stay text with a TOO_MANY_TAGS warning.
 */
export function scanTags(scan: TextScan, emit: Emit, warn: Warn): string[] {
  const tags: string[] = [];
  const pattern = /(?<=^|\s)@([\p{L}\p{N}_][\p{L}\p{N}_\-/.]*?)(?=$|[\s\uFFFF,;:!?)]|\.(?:$|\s))/gu;
  for (const match of scan.masked.matchAll(pattern)) {
    const name = match[1]!;
    const start = match.index;
    const end = start + match[0].length;
    if ([...name].length > TAG_NAME_MAX) continue;
    const repeat = tags.some((t) => tagKey(t) === tagKey(name));
    if (!repeat && tags.length >= TAGS_PER_TASK_MAX) {
      const message = `A task has at most ${TAGS_PER_TASK_MAX} tags; this one is left as text.`;
      warn({ code: 'TOO_MANY_TAGS', message, start, end });
      continue;
    }
    if (!repeat) tags.push(name);
    emit({ kind: 'tag', start, end, text: match[0], value: { name } });
    scan.mask(start, end);
  }
  return tags;
}

const PRIORITY_WORDS: Record<string, Priority> = {
  '!high': 'high',
  '!medium': 'medium',
  '!med': 'medium',
  '!low': 'low',
  p1: 'high',
  p2: 'medium',
  p3: 'low',
};

/** `!high` `!medium` (`!med`) `!low`, `p1` (high) `p2` (medium) `p3` (low). The first one counts. */
export function scanPriority(scan: TextScan, emit: Emit, warn: Warn): Priority | null {
  let found: Priority | null = null;
  for (const match of scan.masked.matchAll(
    /(?<=^|\s)(?:!high|!medium|!med|!low|p[1-3])(?=$|[\s\uFFFF,;:!?)]|\.(?:$|\s))/giu,
  )) {
    const start = match.index;
    const end = start + match[0].length;
    if (found !== null) {
      warn({
        code: 'DUPLICATE',
        message: 'The first priority counts; this one is left as text.',
        start,
        end,
      });
      continue;
    }
    found = PRIORITY_WORDS[match[0].toLowerCase()]!;
    emit({ kind: 'priority', start, end, text: match[0], value: { priority: found } });
    scan.mask(start, end);
  }
  return found;
}
