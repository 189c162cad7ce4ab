// The picker's one-click dates, on the viewer's calendar: Today, Tomorrow, This weekend (the coming Saturday, or
// today on a weekend), Next week (the coming Monday).
import { weekdayOf } from '../../src-shared/quick-add/zoned-time';
import { parseDate, shiftDate } from './zoned-day';

export interface DatePreset {
  label: string;
  date: string;
}

export function datePresets(today: string): DatePreset[] {
  const weekday = weekdayOf(parseDate(today)); // 0 = Sunday
  const weekend = weekday === 0 || weekday === 6 ? today : shiftDate(today, 6 - weekday);
  const nextMonday = shiftDate(today, (8 - weekday) % 7 || 7);
  return [
    { label: 'Today', date: today },
    { label: 'Tomorrow', date: shiftDate(today, 1) },
    { label: 'This weekend', date: weekend },
    { label: 'Next week', date: nextMonday },
  ];
}
