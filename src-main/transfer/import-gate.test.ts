// The import gate's fairness between accounts (issue 16 item 7): two busy accounts cannot keep a third out.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { IMPORT_BUSY_RETRY_AFTER_SECONDS, ImportGate, WAIT_PLACE_SECONDS } from './import-gate.ts';

function refusal(enter: () => unknown): string {
  try {
    enter();
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
  return 'admitted';
}

describe('ImportGate', () => {
  it('gives a freed slot to the account that waited, not to the one that just finished (it queues behind)', () => {
    let now = 0;
    const gate = new ImportGate({ maxConcurrent: 2, now: () => now });
    const leaveA = gate.enter('a');
    const leaveB = gate.enter('b');
    expect(refusal(() => gate.enter('c'))).toBe('IMPORT_BUSY');
    expect(refusal(() => gate.enter('a'))).toBe('IMPORT_IN_PROGRESS');

    leaveA();
    // A asks again at once; C comes back only after Retry-After: the slot is C's.
    expect(refusal(() => gate.enter('a'))).toBe('IMPORT_BUSY');
    now += IMPORT_BUSY_RETRY_AFTER_SECONDS * 1000;
    const leaveC = gate.enter('c');
    expect(gate.size).toBe(2);

    // Then A's turn (it was refused first among those still waiting), before D who asked later.
    expect(refusal(() => gate.enter('d'))).toBe('IMPORT_BUSY');
    leaveB();
    expect(refusal(() => gate.enter('d'))).toBe('IMPORT_BUSY');
    expect(refusal(() => gate.enter('b'))).toBe('IMPORT_BUSY');
    gate.enter('a')();
    expect(refusal(() => gate.enter('b'))).toBe('IMPORT_BUSY');
    gate.enter('d')();
    gate.enter('b')();
    leaveC();
    expect(gate.size).toBe(0);
  });

  it('an account that does not come back within WAIT_PLACE_SECONDS loses its place', () => {
    let now = 0;
    const gate = new ImportGate({ maxConcurrent: 1, now: () => now });
    const leaveA = gate.enter('a');
    expect(refusal(() => gate.enter('gone'))).toBe('IMPORT_BUSY');
    leaveA();
    expect(refusal(() => gate.enter('a'))).toBe('IMPORT_BUSY'); // still gone's place
    now += WAIT_PLACE_SECONDS * 1000;
    gate.enter('a')();
  });

  it('keeps a waiting account its first place when it retries while the server is still full', () => {
    let now = 0;
    const gate = new ImportGate({ maxConcurrent: 1, now: () => now });
    const leaveA = gate.enter('a');
    expect(refusal(() => gate.enter('b'))).toBe('IMPORT_BUSY');
    expect(refusal(() => gate.enter('c'))).toBe('IMPORT_BUSY');
    for (let i = 0; i < 5; i++) {
      now += IMPORT_BUSY_RETRY_AFTER_SECONDS * 1000;
      expect(refusal(() => gate.enter('c'))).toBe('IMPORT_BUSY');
      expect(refusal(() => gate.enter('b'))).toBe('IMPORT_BUSY');
    }
    leaveA();
    expect(refusal(() => gate.enter('c'))).toBe('IMPORT_BUSY');
    gate.enter('b')();
    gate.enter('c')();
  });
});
