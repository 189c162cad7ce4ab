import { describe, expect, it } from 'vitest';
import { previewText } from './task-format';

describe('previewText (defect 13)', () => {
  it('shows the first line without markdown marks', () => {
    expect(previewText('## Options\nmore')).toBe('Options');
    expect(previewText('\n\n- [ ] **Buy** the _oat_ milk')).toBe('Buy the oat milk');
    expect(previewText('> see [the doc](https://x.test) and `npm ci`')).toBe('see the doc and npm ci');
    expect(previewText('1. First step')).toBe('First step');
    expect(previewText('---\n```\ncode')).toBe('code');
  });
  it('keeps plain text as it is', () => {
    expect(previewText('Oat milk, two litres.\nAsk for the receipt.')).toBe('Oat milk, two litres.');
    expect(previewText('5 * 3 = 15')).toBe('5 * 3 = 15');
  });
});
