// Turning a chip back into plain text, and Backspace next to chips. Pure functions over the text and the
// parser's spans; the component applies the result to the input.
import type { QuickAddSpan } from '../../src-shared/quick-add/quick-add-schemas';

export interface TextEdit {
  text: string;
  /** Where the caret goes afterwards. */
  caret: number;
}

/** Quotes the span's text so the parser takes it literally (curly quotes when it holds a straight one). */
export function unparseSpan(text: string, span: Pick<QuickAddSpan, 'start' | 'end'>): TextEdit {
  const inner = text.slice(span.start, span.end);
  const [open, close] = inner.includes('"') ? ['\u201c', '\u201d'] : ['"', '"'];
  const quoted = `${open}${inner}${close}`;
  return {
    text: text.slice(0, span.start) + quoted + text.slice(span.end),
    caret: span.start + quoted.length,
  };
}

/**
 * Backspace with the caret at `caret` (no selection): right after a chip, the chip becomes text (quoted);
 * right after quoted text, the last character inside the quotes goes, so the rest stays literal (both quotes
 * go with the last one). Otherwise null: the browser deletes one character as usual.
 */
export function backspaceAt(text: string, spans: readonly QuickAddSpan[], caret: number): TextEdit | null {
  const span = spans.find((s) => s.end === caret);
  if (!span) return null;
  if (span.kind !== 'literal') return unparseSpan(text, span);
  if (span.value.text.length <= 1)
    return { text: text.slice(0, span.start) + text.slice(span.end), caret: span.start };
  const cut = span.end - 2; // the last character inside the quotes
  return { text: text.slice(0, cut) + text.slice(cut + 1), caret: cut + 1 };
}

/**
 * Takes the spans of one kind out of the text (a control beside the input was set to something else: its choice
 * replaces what the text said), with the spaces around each joined into one.
 */
export function removeSpans(text: string, spans: readonly QuickAddSpan[], kind: QuickAddSpan['kind']): string {
  let out = text;
  for (const span of [...spans].filter((s) => s.kind === kind).sort((a, b) => b.start - a.start)) {
    const before = out.slice(0, span.start).replace(/\s+$/, '');
    const after = out.slice(span.end).replace(/^\s+/, '');
    out = before && after ? `${before} ${after}` : before + after;
  }
  return out;
}
