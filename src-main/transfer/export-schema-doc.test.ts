// docs/data-safety.md's copy of the export file's JSON Schema must be the one generated from the zod schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFile, exportJsonSchema } from '../../src-shared/export-schema.ts';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'data-safety.md');

describe('export format documentation', () => {
  it('docs/data-safety.md carries the generated JSON Schema', () => {
    const readme = readFileSync(DOC, 'utf8');
    const block = /<!-- export-schema:start -->\n```json\n([\s\S]*?)\n```\n<!-- export-schema:end -->/.exec(
      readme,
    );
    expect(block, 'docs/data-safety.md lost its schema block').not.toBeNull();
    expect(JSON.parse(block?.[1] ?? 'null')).toEqual(exportJsonSchema());
  });

  it('the documented example is a valid export file', () => {
    const readme = readFileSync(DOC, 'utf8');
    const example = /```json\n(\{\n {2}"format": "tasks-desktop\.export"[\s\S]*?\n\})\n```/.exec(readme);
    expect(exportFile.safeParse(JSON.parse(example?.[1] ?? 'null')).success).toBe(true);
  });
});
