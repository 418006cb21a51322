import { describe, expect, it, vi } from 'vitest';
import { TIME_ZONE, formatCalendarDate, formatDate, formatDateTime, sortableDateTime } from '@/lib/core/time';
import { csvDateTime } from '@/lib/record/export/csv';
import { formatDateTime as exportDateTime } from '@/lib/record/export/model';

// 10:48 UTC is 12:48 in Dutch summer time and 11:48 in winter: every place reads the same clock.
const SUMMER = Date.UTC(2026, 5, 1, 10, 48);
const WINTER = Date.UTC(2026, 11, 1, 10, 48);

describe('one time rule: Dutch time everywhere', () => {
  it('is Europe/Amsterdam', () => expect(TIME_ZONE).toBe('Europe/Amsterdam'));

  it('panel, export and CSV say the same hour, in summer and in winter', () => {
    expect(formatDateTime(SUMMER, 'medium')).toContain('12:48');
    expect(exportDateTime(SUMMER)).toContain('12:48');
    expect(csvDateTime(SUMMER)).toBe('2026-06-01 12:48');
    expect(formatDateTime(WINTER, 'medium')).toContain('11:48');
    expect(sortableDateTime(WINTER)).toBe('2026-12-01 11:48');
  });

  it('a moment just after midnight in Amsterdam is that day, not the UTC day before', () => {
    expect(formatDate(Date.UTC(2026, 11, 9, 23, 30))).toBe('10 december 2026');
  });

  it('a calendar date stays that date (no zone moves a meeting)', () => {
    expect(formatCalendarDate('2026-12-10')).toBe('10 december 2026');
    expect(formatCalendarDate('2026-12-10', 'medium')).toBe('10 dec 2026');
    expect(formatCalendarDate('geen datum')).toBe('geen datum');
  });

  it('keeps its calendar-date formats: "Alles" formats a date per row on every render', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    for (let day = 1; day <= 28; day++) {
      const iso = `2026-02-${String(day).padStart(2, '0')}`;
      expect(formatCalendarDate(iso, 'medium')).toBe(`${day} feb 2026`);
      expect(formatCalendarDate(iso)).toBe(`${day} februari 2026`);
    }
    expect(made.mock.calls.length).toBeLessThanOrEqual(2);
    made.mockRestore();
  });
});
