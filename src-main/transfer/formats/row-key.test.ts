import { describe, expect, it } from 'vitest';
import { decodeText, FileUnreadable } from './format-reader.ts';
import { RowKeys } from './row-key.ts';

describe('row keys for formats without ids', () => {
  it('are the same for the same file, and distinct for identical rows', () => {
    const first = new RowKeys('todo-txt');
    const again = new RowKeys('todo-txt');
    const a = [first.next('buy milk'), first.next('buy milk'), first.next('call mum')];
    const b = [again.next('buy milk'), again.next('buy milk'), again.next('call mum')];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
  });

  it('do not move when another row is added elsewhere', () => {
    const before = new RowKeys('todo-txt');
    const after = new RowKeys('todo-txt');
    const kept = before.next('call mum');
    after.next('a new first line');
    expect(after.next('call mum')).toBe(kept);
  });

  it('differ between formats', () => {
    expect(new RowKeys('todo-txt').next('x')).not.toBe(new RowKeys('todoist-csv').next('x'));
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 BOM and refuses bytes that are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61]))).toThrow(FileUnreadable);
  });
});
