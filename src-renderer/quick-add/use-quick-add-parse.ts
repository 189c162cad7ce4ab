// Parses the quick-add text as it is typed, with the viewer's clock and time zone (the same parser the API uses).
import { useMemo } from 'react';
import { parseQuickAdd, type QuickAddList } from '../../src-shared/quick-add/parse-quick-add';
import type { QuickAddParsed } from '../../src-shared/quick-add/quick-add-schemas';
import { viewerTimeZone } from '../dates/viewer-zone';

const NO_LISTS: readonly QuickAddList[] = [];

export function useQuickAddParse(
  text: string,
  lists: ReadonlyArray<string | QuickAddList> = NO_LISTS,
  now: () => number = Date.now,
): QuickAddParsed {
  const timeZone = useMemo(() => viewerTimeZone(), []);
  return useMemo(() => parseQuickAdd(text, { now: now(), timeZone, lists }), [text, timeZone, lists, now]);
}
