// Questions on the terminal: a visible line (email) and a hidden one (password, never echoed).
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

export interface PromptStreams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** Asks one question on stderr (stdout stays clean for --json); with `hidden`, what is typed is not shown. */
export async function ask(
  streams: PromptStreams,
  question: string,
  options: { hidden?: boolean } = {},
): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) streams.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: streams.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = options.hidden === true;
    return await answer;
  } finally {
    rl.close();
    if (options.hidden) streams.stderr.write('\n');
  }
}

/** All of stdin as text without the final newline (--password-stdin). */
export async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  return Buffer.from(await readAllBytes(stdin))
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** All of stdin as bytes (a file piped in, e.g. a ZIP). */
export async function readAllBytes(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
