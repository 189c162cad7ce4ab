// Output: JSON for scripts (--json), aligned columns with colours for people. Colours only on a terminal, never
// with NO_COLOR (https://no-color.org) or TERM=dumb or --no-color; FORCE_COLOR turns them on anywhere.
import type { Writable } from 'node:stream';

export interface OutputStreams {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
}

export type Colour = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta';

const SGR: Record<Colour, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** Visible width of a string (ANSI sequences excluded; one column per code point). */
function width(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join('') + '…';
}

export class Output {
  readonly json: boolean;
  readonly colour: boolean;
  readonly streams: OutputStreams;

  constructor(streams: OutputStreams, options: { json: boolean; colour: boolean }) {
    this.streams = streams;
    this.json = options.json;
    this.colour = options.colour;
  }

  paint(colour: Colour, text: string): string {
    if (!this.colour || text === '') return text;
    const [open, close] = SGR[colour];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }

  line(text = ''): void {
    this.streams.stdout.write(text + '\n');
  }

  /** Raw text to stdout (export files). */
  raw(text: string): void {
    this.streams.stdout.write(text);
  }

  printJson(value: unknown): void {
    this.streams.stdout.write(JSON.stringify(value, null, 2) + '\n');
  }

  /** Either the JSON value (--json) or the human text. */
  result(value: unknown, human: () => void): void {
    if (this.json) this.printJson(value);
    else human();
  }

  error(text: string): void {
    this.streams.stderr.write(text + '\n');
  }

  /**
   * Aligned columns; the last column takes the rest of the terminal's width (truncated with "…" on a terminal,
   * never when piped).
   */
  table(header: string[], rows: string[][]): void {
    const widths = header.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
    const pad = (cell: string, i: number) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
    const columns = this.streams.stdout.isTTY ? this.streams.stdout.columns : undefined;
    const render = (cells: string[]) => {
      const last = cells.length - 1;
      const head = cells.slice(0, last).map(pad).join('  ');
      let tail = cells[last] ?? '';
      const room = columns === undefined ? Infinity : columns - width(head) - 2;
      if (room > 8 && width(tail) > room && !tail.includes('\u001b')) tail = truncate(tail, room);
      return (last > 0 ? `${head}  ${tail}` : tail).trimEnd();
    };
    this.line(this.paint('bold', render(header)));
    for (const row of rows) this.line(render(row));
  }
}
