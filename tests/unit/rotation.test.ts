import { describe, expect, it } from 'vitest';

describe('rotation of automatic local backups', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups, and always the newest', async () => {
    const { backupsToDelete } = await import('../../src-main/domain/rotation');
    const { addDays } = await import('../../src-main/shared/dates');
    // One backup a day for 400 days up to Monday 23 November 2026.
    const today = '2026-11-23';
    const all = Array.from({ length: 400 }, (_, i) => ({
      name: `auto-${addDays(today, -i)}`,
      date: addDays(today, -i),
    }));
    const deleted = new Set(backupsToDelete(all, today).map((b) => b.name));
    const kept = all.filter((b) => !deleted.has(b.name)).map((b) => b.date);
    // The last 7 days, the newest day of each of the last 4 weeks (the Sundays), the newest of each of the last 12 months.
    expect(kept.slice(0, 7)).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    expect(kept).toContain('2026-11-15');
    expect(kept).toContain('2026-11-01');
    expect(kept).toContain('2025-12-31');
    expect(kept).not.toContain('2025-11-23');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(backupsToDelete([{ name: 'seule', date: '2020-01-01' }], today)).toEqual([]);
  });
});
