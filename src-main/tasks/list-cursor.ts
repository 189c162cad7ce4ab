import type { ListSort } from '../../src-shared/task-schemas.ts';

export type SortOrder = 'asc' | 'desc';
export type CursorValue = string | number;

/** The cursor does not belong to this query (other sort/order) or was tampered with. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('The cursor is not valid for this query. Start again without a cursor.');
  }
}

interface CursorPayload {
  s: ListSort;
  o: SortOrder;
  k: CursorValue[];
}

export function encodeCursor(sort: ListSort, order: SortOrder, keys: CursorValue[]): string {
  const payload: CursorPayload = { s: sort, o: order, k: keys };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  sort: ListSort,
  order: SortOrder,
  keyCount: number,
): CursorValue[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof payload !== 'object' || payload === null) throw new InvalidCursorError();
  const { s, o, k } = payload as Partial<CursorPayload>;
  const valid =
    s === sort &&
    o === order &&
    Array.isArray(k) &&
    k.length === keyCount &&
    k.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!valid) throw new InvalidCursorError();
  return k;
}
