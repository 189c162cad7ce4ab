// The quick-add text field: what the parser understood is highlighted in the text and listed as chips below.
// A click on a chip (or Backspace right after it) turns it back into plain text by quoting it; Enter submits
// the surrounding form, which saves what the chips say.
import {
  forwardRef,
  useLayoutEffect,
  useRef,
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { QuickAddParsed, QuickAddSpan } from '../../src-shared/quick-add/quick-add-schemas';
import { backspaceAt, unparseSpan, type TextEdit } from './chip-edit';
import { chipLabel } from './chip-labels';
import './quick-add-input.css';

export interface QuickAddInputProps {
  value: string;
  parsed: QuickAddParsed;
  onChange: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  maxLength?: number;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
}

const KIND_NAMES: Record<QuickAddSpan['kind'], string> = {
  date: 'Due',
  start: 'Starts',
  recurrence: 'Repeats',
  list: 'List',
  tag: 'Tag',
  priority: 'Priority',
  reminder: 'Reminder',
  literal: 'Text',
};

/** The text with the understood parts wrapped in <mark>, drawn behind the (transparent) input. */
function highlighted(text: string, spans: readonly QuickAddSpan[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.kind === 'literal') continue;
    out.push(text.slice(at, span.start));
    out.push(
      <mark key={span.start} className={`qa-mark qa-${span.kind}`}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  out.push(text.slice(at));
  return out;
}

export const QuickAddInput = forwardRef<HTMLInputElement, QuickAddInputProps>(
  function QuickAddInput(props, ref) {
    const { value, parsed, onChange } = props;
    const inputRef = useRef<HTMLInputElement | null>(null);
    const mirrorRef = useRef<HTMLDivElement | null>(null);
    const pendingCaret = useRef<number | null>(null);

    useLayoutEffect(() => {
      const input = inputRef.current;
      if (input && pendingCaret.current !== null) {
        input.setSelectionRange(pendingCaret.current, pendingCaret.current);
        pendingCaret.current = null;
      }
      if (input && mirrorRef.current) mirrorRef.current.scrollLeft = input.scrollLeft;
    });

    function apply(edit: TextEdit) {
      pendingCaret.current = edit.caret;
      onChange(edit.text);
    }

    function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
      const input = event.currentTarget;
      if (
        event.key === 'Backspace' &&
        input.selectionStart !== null &&
        input.selectionStart === input.selectionEnd
      ) {
        const edit = backspaceAt(value, parsed.spans, input.selectionStart);
        if (edit) {
          event.preventDefault();
          apply(edit);
          return;
        }
      }
      props.onKeyDown?.(event);
    }

    const chips = parsed.spans.flatMap((span) => {
      const label = chipLabel(span, parsed.timeZone);
      return label === null ? [] : [{ span, label }];
    });

    return (
      <div className="qa-field">
        <div className="qa-box">
          {/* The mirror and the input take the same direction from the same text (dir="auto"), so the marks stay under their words. */}
          <div className="qa-mirror" ref={mirrorRef} aria-hidden="true" dir="auto">
            {highlighted(value, parsed.spans)}
          </div>
          <input
            ref={(node) => {
              inputRef.current = node;
              if (typeof ref === 'function') ref(node);
              else if (ref) ref.current = node;
            }}
            className="qa-input"
            aria-label="New task title"
            dir="auto"
            aria-invalid={props.invalid ? true : undefined}
            aria-describedby={
              [chips.length > 0 ? 'qa-chips' : '', props.describedBy ?? ''].join(' ').trim() || undefined
            }
            placeholder={props.placeholder}
            value={value}
            maxLength={props.maxLength}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            onPaste={props.onPaste}
            onScroll={(e) => {
              if (mirrorRef.current) mirrorRef.current.scrollLeft = e.currentTarget.scrollLeft;
            }}
          />
        </div>
        {chips.length > 0 || parsed.warnings.length > 0 ? (
          <div className="qa-chips" id="qa-chips" role="group" aria-label="Understood">
            {chips.map(({ span, label }) => (
              <button
                key={`${span.kind}-${span.start}`}
                type="button"
                className={`qa-chip qa-${span.kind}`}
                title={`From "${span.text}". Click to keep it as text.`}
                aria-label={`${KIND_NAMES[span.kind]}: ${label}, from "${span.text}". Press to keep it as text.`}
                onClick={() => {
                  apply(unparseSpan(value, span));
                  inputRef.current?.focus();
                }}
              >
                <span className="qa-chip-kind">{KIND_NAMES[span.kind]}</span> {label}
              </button>
            ))}
            {parsed.warnings.map((w) => (
              <span key={`w-${w.start}-${w.code}`} className="qa-warning">
                {w.message}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    );
  },
);
