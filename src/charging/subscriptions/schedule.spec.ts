import { addIntervals, dueAt, dueCycles, firstCycleFromToday, parseDate } from './schedule';

describe('billing dates', () => {
  it('anchors months on the start date and clamps to month ends without drifting', () => {
    const dates = [0, 1, 2, 3, 4, 12, 13].map((n) => addIntervals('2026-01-31', 'MONTH', 1, n));
    expect(dates).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2027-01-31',
      '2027-02-28',
    ]);
    expect(addIntervals('2028-01-31', 'MONTH', 1, 1)).toBe('2028-02-29');
    expect(addIntervals('2026-11-30', 'MONTH', 3, 1)).toBe('2027-02-28');
    expect(addIntervals('2028-02-29', 'YEAR', 1, 1)).toBe('2029-02-28');
    expect(addIntervals('2028-02-29', 'YEAR', 1, 4)).toBe('2032-02-29');
  });

  it('adds days and weeks across month and year ends', () => {
    expect(addIntervals('2026-12-30', 'DAY', 1, 3)).toBe('2027-01-02');
    expect(addIntervals('2026-12-28', 'WEEK', 2, 1)).toBe('2027-01-11');
  });

  it('parses only real calendar dates', () => {
    expect(parseDate('2026-02-29')).toBeUndefined();
    expect(parseDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
    expect(parseDate('2026-13-01')).toBeUndefined();
    expect(parseDate('26-01-01')).toBeUndefined();
  });

  const rhythm = {
    startDate: '2026-03-01',
    interval: 'WEEK' as const,
    intervalCount: 1,
    endDate: '2026-04-01',
  };

  it('finds the newest due cycle and the missed ones, and stops at the end date', () => {
    expect(dueAt(rhythm, 1)).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(dueAt(rhythm, 5)).toEqual(new Date('2026-03-29T00:00:00Z'));
    expect(dueAt(rhythm, 6)).toBeNull();
    expect(dueCycles(rhythm, 1, new Date('2026-02-28T23:59:59Z'))).toEqual({ latest: null, missed: [] });
    expect(dueCycles(rhythm, 1, new Date('2026-03-01T00:00:00Z'))).toEqual({ latest: 1, missed: [] });
    expect(dueCycles(rhythm, 2, new Date('2026-03-23T10:00:00Z'))).toEqual({ latest: 4, missed: [2, 3] });
    expect(dueCycles(rhythm, 2, new Date('2027-01-01T00:00:00Z'))).toEqual({ latest: 5, missed: [2, 3, 4] });
  });

  it('on resume, starts from the first cycle dated today or later', () => {
    expect(firstCycleFromToday(rhythm, 2, new Date('2026-03-15T10:00:00Z'))).toBe(3);
    expect(firstCycleFromToday(rhythm, 2, new Date('2026-03-16T10:00:00Z'))).toBe(4);
    expect(firstCycleFromToday(rhythm, 4, new Date('2026-03-02T10:00:00Z'))).toBe(4);
  });
});
