// The README's copy of the export file's JSON Schema must be the one generated from the zod schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFile, exportJsonSchema } from '../../src-shared/export-schema.ts';

const README = join(import.meta.dirname, '..', '..', 'README.md');

describe('export format documentation', () => {
  it('README carries the generated JSON Schema', () => {
    const readme = readFileSync(README, 'utf8');
    const block = /<!-- export-schema:start -->\n```json\n([\s\S]*?)\n```\n<!-- export-schema:end -->/.exec(
      readme,
    );
    expect(block, 'README section "Data safety" lost its schema block').not.toBeNull();
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(exportJsonSchema());
  });

  it('the README example is a valid export file', () => {
    const readme = readFileSync(README, 'utf8');
    const example = /```json\n(\{\n {2}"format": "tasks-desktop\.export"[\s\S]*?\n\})\n```/.exec(readme);
    expect(exportFile.safeParse(JSON.parse(example?.[1] ?? 'null')).success).toBe(true);
  });
});
