// Reading an import request's body: the media types and size it may have, its first bytes (to recognise the format
// without reading the rest), and the whole of it, bounded, for the formats that are not streamed.
import type { Context } from 'hono';
import { IMPORT_MAX_BYTES } from '../../src-shared/export-schema.ts';
import { IMPORT_MEDIA_TYPES } from '../../src-shared/import-schemas.ts';
import { ApiError } from '../api/api-error.ts';
import type { ApiEnv } from '../api/api-env.ts';
import { SNIFF_BYTES } from './formats/format-registry.ts';
import { ImportTooLarge, MalformedImport } from './import-stream.ts';

export function tooLarge(): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `An import must be at most ${IMPORT_MAX_BYTES} bytes.`);
}

/** Checks what can be checked before reading the body: media type and declared length. */
export function checkImportRequest(c: Context<ApiEnv>): void {
  const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!(IMPORT_MEDIA_TYPES as readonly string[]).includes(type)) {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `Send the file as one of ${IMPORT_MEDIA_TYPES.join(', ')}.`);
  }
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > IMPORT_MAX_BYTES) throw tooLarge();
}

/** A body whose first bytes have been read; `stream()` gives the whole body again, `all()` reads it into memory. */
export class PeekedBody {
  private constructor(
    readonly head: Uint8Array,
    private readonly chunks: Uint8Array[],
    private readonly reader: ReadableStreamDefaultReader<Uint8Array> | null,
    private readonly done: boolean,
  ) {}

  static async open(body: ReadableStream<Uint8Array> | null): Promise<PeekedBody> {
    if (!body) return new PeekedBody(new Uint8Array(), [], null, true);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    while (size < SNIFF_BYTES) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      chunks.push(next.value);
      size += next.value.byteLength;
      if (size > IMPORT_MAX_BYTES) throw new ImportTooLarge();
      // JSON is streamed and refused by its first bytes: do not wait for more of it (the other formats are read
      // whole anyway).
      if (startsLikeJson(chunks)) break;
    }
    return new PeekedBody(concat(chunks, size).subarray(0, SNIFF_BYTES), chunks, reader, done);
  }

  /** The whole body as a stream (the chunks already read first). */
  stream(): ReadableStream<Uint8Array> {
    const chunks = [...this.chunks];
    const reader = this.reader;
    const done = this.done;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = chunks.shift();
        if (chunk) return controller.enqueue(chunk);
        if (done || !reader) return controller.close();
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel(reason) {
        await reader?.cancel(reason);
      },
    });
  }

  /** The whole body, at most `maxBytes` (ImportTooLarge past it; MalformedImport when empty). */
  async all(maxBytes: number): Promise<Uint8Array> {
    const chunks = [...this.chunks];
    let size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    if (!this.done && this.reader) {
      for (;;) {
        const next = await this.reader.read();
        if (next.done) break;
        size += next.value.byteLength;
        if (size > maxBytes) throw new ImportTooLarge();
        chunks.push(next.value);
      }
    }
    if (size > maxBytes) throw new ImportTooLarge();
    if (size === 0) throw new MalformedImport('The request needs the file as its body.');
    return concat(chunks, size);
  }
}

function startsLikeJson(chunks: readonly Uint8Array[]): boolean {
  for (const chunk of chunks) {
    for (const byte of chunk) {
      if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
      return byte === 0x7b || byte === 0x5b; // { [
    }
  }
  return false;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
