// Reads an import body as a stream of JSON tokens, so a hostile body is refused as soon as it shows its shape and a
// legitimate one never exists as one big string or object tree. A token filter in front of the JSON parser enforces
// the export file's shape before any value is built:
// - the root is an object whose keys are the envelope's (`format`, `version`, `exportedAt`, `userId`, `lists`,
//   `tasks`);
// - envelope values are scalars, except `tasks`, an array of at most IMPORT_MAX_TASKS objects, and `lists` (version
//   2), an array of at most IMPORT_MAX_LISTS objects; each element at most two levels deep (`recurrence: {...}`,
//   `reminders: [{...}]`, `completions: [{...}]`) and TASK_TOKENS_MAX keys and values in all: the parser never
//   holds more than one task or list at a time.
// Each task and list goes to the ImportPlanner as it completes; `format`, `version` and `userId` are checked as they
// arrive.
// Work is done in 1 KiB slices with a turn of the event loop every 10 ms, so other requests are never held for long.
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { IMPORT_MAX_LISTS, IMPORT_MAX_TASKS } from '../../src-shared/export-schema.ts';
import { COMPLETIONS_PER_TASK_MAX } from '../../src-shared/import-schemas.ts';
import { ImportRefused, type ImportPlanner } from './import-plan.ts';

/** Keys and values in one task, nested ones included: a task has ~25 fields, at most 20 tags and 10 reminders. */
export const TASK_TOKENS_MAX = 200;
/** Keys and values in one task's `completions` (a recurring task's history: up to 9 tokens per completion). */
export const COMPLETION_TOKENS_MAX = COMPLETIONS_PER_TASK_MAX * 9 + 1;
/** Depth of a task's own object (root 1, `tasks` 2); its fields may nest two more levels. */
const TASK_DEPTH = 3;
const NESTED_DEPTH_MAX = TASK_DEPTH + 2;
/** Bytes tokenized at a time, and how long that may go on before other requests get a turn. */
const SLICE_BYTES = 1024;
const SLICE_BUDGET_MS = 10;
const ENVELOPE_KEYS = new Set(['format', 'version', 'exportedAt', 'userId', 'lists', 'tasks']);
const ARRAY_KEYS = new Set(['lists', 'tasks']);
const ARRAY_MAX: Record<string, number> = { lists: IMPORT_MAX_LISTS, tasks: IMPORT_MAX_TASKS };

/** The body is not JSON (400 MALFORMED_JSON). */
export class MalformedImport extends Error {
  override readonly name = 'MalformedImport';
}

/** The body is larger than allowed (413 PAYLOAD_TOO_LARGE). */
export class ImportTooLarge extends Error {
  override readonly name = 'ImportTooLarge';
}

const OPENERS = new Set<TokenType>([TokenType.LEFT_BRACE, TokenType.LEFT_BRACKET]);
const CLOSERS = new Set<TokenType>([TokenType.RIGHT_BRACE, TokenType.RIGHT_BRACKET]);

function refuse(message: string, path: string, detail: string): ImportRefused {
  return new ImportRefused('VALIDATION_FAILED', message, [{ path, message: detail }]);
}

/**
 * Tracks where the tokens are (depth, current envelope key, whether a string is a key) and refuses, before the
 * parser sees the token, anything that does not fit the export file's shape.
 */
class ShapeFilter {
  constructor(private readonly onTasksKey: () => void) {}

  private depth = 0;
  /** Inside an object: whether the next string token is a key. */
  private expectKey = false;
  private envelopeKey: string | null = null;
  /** The array being read (`tasks` or `lists`), its elements so far, and the current element's tokens. */
  private arrayKey = '';
  private taskCount = 0;
  private taskTokens = 0;
  private completionTokens = 0;
  /** The current element's key being read at its own level (to tell `completions` apart). */
  private taskKey = '';

  check(token: TokenType, value: unknown): void {
    const opens = OPENERS.has(token);
    if (this.depth === 0) {
      if (token !== TokenType.LEFT_BRACE)
        throw refuse('This is not a Tasks Desktop export (expected a JSON object).', '', 'Expected an object.');
    } else if (this.depth === 1) {
      if (this.expectKey && token === TokenType.STRING) {
        const key = String(value);
        if (!ENVELOPE_KEYS.has(key)) {
          throw refuse('The export file is malformed.', key.slice(0, 100), 'Unrecognized key.');
        }
        this.envelopeKey = key;
        if (key === 'tasks') this.onTasksKey();
      } else if (opens) {
        const key = this.envelopeKey ?? '';
        const isArray = ARRAY_KEYS.has(key);
        if (!isArray || token !== TokenType.LEFT_BRACKET) {
          throw refuse('The export file is malformed.', key, isArray ? 'Expected an array.' : 'Expected a scalar value.');
        }
        this.arrayKey = key;
        this.taskCount = 0;
      }
    } else if (this.depth === 2) {
      // Elements of `tasks` / `lists`: a new element starts with any value token other than a separator or closer.
      const key = this.arrayKey;
      if (token === TokenType.LEFT_BRACKET) {
        throw refuse(`The export file is malformed: each of ${key} is an object.`, `${key}.${this.taskCount}`, 'Expected an object.');
      }
      if (token !== TokenType.COMMA && !CLOSERS.has(token)) {
        this.taskCount += 1;
        this.taskTokens = 0;
        this.completionTokens = 0;
        const max = ARRAY_MAX[key] ?? 0;
        if (this.taskCount > max) {
          throw refuse(`An import may carry at most ${max} ${key}.`, key, `At most ${max} ${key}.`);
        }
      }
    } else {
      const where = `${this.arrayKey}.${this.taskCount - 1}`;
      if (opens && this.depth >= NESTED_DEPTH_MAX) {
        throw refuse('The export file is malformed: a task nests too deep.', where, 'Nested too deep.');
      }
      const counts = token !== TokenType.COMMA && token !== TokenType.COLON && !CLOSERS.has(token);
      if (this.depth === TASK_DEPTH && this.expectKey && token === TokenType.STRING) this.taskKey = String(value);
      if (counts && this.depth > TASK_DEPTH && this.taskKey === 'completions') {
        if (++this.completionTokens > COMPLETION_TOKENS_MAX) {
          throw refuse('The export file is malformed: a task has too many completions.', where, `At most ${COMPLETIONS_PER_TASK_MAX} completions.`);
        }
      } else if (counts && ++this.taskTokens > TASK_TOKENS_MAX) {
        throw refuse('The export file is malformed: a task is too large.', where, `At most ${TASK_TOKENS_MAX} keys and values.`);
      }
    }
    this.track(token);
  }

  private readonly kinds: TokenType[] = [];

  private track(token: TokenType): void {
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      this.kinds.push(token);
      this.depth += 1;
      this.expectKey = token === TokenType.LEFT_BRACE;
    } else if (CLOSERS.has(token)) {
      this.kinds.pop();
      this.depth -= 1;
      this.expectKey = false;
      if (this.depth === 1) this.envelopeKey = null;
    } else if (token === TokenType.COMMA) {
      this.expectKey = this.kinds[this.kinds.length - 1] === TokenType.LEFT_BRACE;
      if (this.depth === 1) this.envelopeKey = null;
    } else if (token === TokenType.STRING && this.expectKey) {
      this.expectKey = false;
    }
  }
}

/**
 * Streams `body` into `planner`, at most `maxBytes` bytes. Throws ImportRefused (the file's shape or envelope),
 * MalformedImport (not JSON) or ImportTooLarge; on any of them the rest of the body is not read.
 */
export async function streamImport(
  body: ReadableStream<Uint8Array> | null,
  planner: ImportPlanner,
  maxBytes: number,
): Promise<void> {
  // Set from the tokenizer's and parser's callbacks; checked after each chunk.
  const state: { failure: Error | null } = { failure: null };
  const parser = new TokenParser({
    paths: ['$.format', '$.version', '$.exportedAt', '$.userId', '$.lists.*', '$.tasks.*'],
    keepStack: false,
  });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) planner.setEnvelopeField(String(key), value);
    else if (stack[1]?.key === 'lists') planner.addList(value, Number(key));
    else planner.addTask(value, Number(key));
  };
  parser.onError = (error) => {
    state.failure ??= error instanceof ImportRefused ? error : new MalformedImport(error.message);
  };
  const filter = new ShapeFilter(() => planner.markTasksPresent());
  const tokenizer = new Tokenizer();
  tokenizer.onToken = (info: ParsedTokenInfo) => {
    filter.check(info.token, info.value);
    parser.write(info);
  };
  tokenizer.onError = (error) => {
    state.failure ??= error instanceof ImportRefused ? error : new MalformedImport(error.message);
  };

  if (!body) throw new MalformedImport('The request needs the export file as its body.');
  const reader = body.getReader();
  let total = 0;
  let lastYield = performance.now();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new ImportTooLarge();
      // Small slices, and a turn of the event loop whenever a slice budget is used up: 64 KiB of `{},` is ~21,000
      // tasks to validate (~50 us each), which in one go would hold every other request for a second.
      for (let at = 0; at < value.byteLength; at += SLICE_BYTES) {
        tokenizer.write(value.subarray(at, at + SLICE_BYTES));
        if (state.failure) throw state.failure;
        if (performance.now() - lastYield > SLICE_BUDGET_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastYield = performance.now();
        }
      }
    }
    if (total === 0) throw new MalformedImport('The request needs the export file as its body.');
    tokenizer.end();
    if (state.failure) throw state.failure;
    if (!parser.isEnded) throw new MalformedImport('The request body is not valid JSON.');
  } finally {
    reader.releaseLock();
  }
}
