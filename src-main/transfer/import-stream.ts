// Reads an import body as a stream of JSON tokens, so a hostile body is refused as soon as it shows its shape and a
// legitimate one never exists as one big string or object tree. A token filter in front of the JSON parser enforces
// the export file's shape before any value is built:
// - the root is an object whose keys are the envelope's (`format`, `version`, `exportedAt`, `userId`, `tasks`);
// - envelope values are scalars, except `tasks`, an array of at most IMPORT_MAX_TASKS objects, each at most two
//   levels deep (`recurrence: {...}`, `reminders: [{...}]`) and TASK_TOKENS_MAX keys and values in all: the parser
//   never holds more than one small task at a time.
// Each task goes to the ImportPlanner as it completes; `format`, `version` and `userId` are checked as they arrive.
// Work is done in 1 KiB slices with a turn of the event loop every 10 ms, so other requests are never held for long.
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { IMPORT_MAX_TASKS } from '../../src-shared/export-schema.ts';
import { ImportRefused, type ImportPlanner } from './import-plan.ts';

/** Keys and values in one task, nested ones included: a task has ~15 fields and at most 10 reminders. */
export const TASK_TOKENS_MAX = 200;
/** Depth of a task's own object (root 1, `tasks` 2); its fields may nest two more levels. */
const TASK_DEPTH = 3;
const NESTED_DEPTH_MAX = TASK_DEPTH + 2;
/** Bytes tokenized at a time, and how long that may go on before other requests get a turn. */
const SLICE_BYTES = 1024;
const SLICE_BUDGET_MS = 10;
const ENVELOPE_KEYS = new Set(['format', 'version', 'exportedAt', 'userId', 'tasks']);

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
  private taskCount = 0;
  private taskTokens = 0;

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
      } else if (opens && (this.envelopeKey !== 'tasks' || token !== TokenType.LEFT_BRACKET)) {
        const key = this.envelopeKey ?? '';
        throw refuse('The export file is malformed.', key, key === 'tasks' ? 'Expected an array.' : 'Expected a scalar value.');
      }
    } else if (this.depth === 2) {
      // Elements of `tasks`: a new element starts with any value token other than a separator or a closer.
      if (token === TokenType.LEFT_BRACKET) {
        throw refuse('The export file is malformed: each task is an object.', `tasks.${this.taskCount}`, 'Expected an object.');
      }
      if (token !== TokenType.COMMA && !CLOSERS.has(token)) {
        this.taskCount += 1;
        this.taskTokens = 0;
        if (this.taskCount > IMPORT_MAX_TASKS) {
          throw refuse(`An import may carry at most ${IMPORT_MAX_TASKS} tasks.`, 'tasks', `At most ${IMPORT_MAX_TASKS} tasks.`);
        }
      }
    } else {
      const where = `tasks.${this.taskCount - 1}`;
      if (opens && this.depth >= NESTED_DEPTH_MAX) {
        throw refuse('The export file is malformed: a task nests too deep.', where, 'Nested too deep.');
      }
      const counts = token !== TokenType.COMMA && token !== TokenType.COLON && !CLOSERS.has(token);
      if (counts && ++this.taskTokens > TASK_TOKENS_MAX) {
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
  const parser = new TokenParser({ paths: ['$.format', '$.version', '$.exportedAt', '$.userId', '$.tasks.*'], keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1) planner.setEnvelopeField(String(key), value);
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
