// The few operations the session and secret stores need from electron-store (which satisfies this
// interface as is), so tests and the e2e harness can pass an in-memory map instead.

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export function createMemoryKeyValueStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => {
      values.set(key, value);
    },
    delete: (key) => {
      values.delete(key);
    },
  };
}

/** Values written by the encrypted stores: ciphertext only, base64 so the JSON file stays valid. */
export interface SealedValue {
  v: 1;
  ciphertext: string;
}

export function isSealedValue(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { v?: unknown }).v === 1 &&
    typeof (value as { ciphertext?: unknown }).ciphertext === 'string'
  );
}
