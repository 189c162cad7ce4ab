import { describe, expect, it } from 'vitest';
import { restoreMessage } from './restore-message';

describe('restoreMessage', () => {
  it('says where a restored task landed when it is not where it was', () => {
    expect(restoreMessage('Pay rent', { parentId: 'p1', reason: 'original' })).toBe('Restored “Pay rent”');
    expect(restoreMessage('Pay rent', { parentId: null, reason: 'too-deep' })).toBe(
      'Restored “Pay rent” at the top level of its list: under its parent it would nest more than 4 levels deep',
    );
    expect(restoreMessage('Pay rent', { parentId: null, reason: 'parent-in-trash' })).toMatch(
      /parent task is in the trash$/,
    );
  });
});
