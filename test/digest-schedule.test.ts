/** DIGEST_CRON validation, a subscriber's HH:MM, run keys, and the throttler. */
import { describe, expect, it } from 'vitest';
import { startApp } from '../adapters/app.js';
import { loadConfig } from '../src/config.js';
import {
  isoInZone,
  nextRun,
  parseTime,
  runKeyOf,
  ScheduleError,
  timePattern,
  validateSchedule,
} from '../src/digest/schedule.js';
import { Throttle } from '../src/digest/throttle.js';
import { sampleKnowledge, silent, tempDir } from './digest-fakes.js';

describe('validateSchedule', () => {
  it('accepts 5-field, 6-field (seconds) patterns and nicknames', () => {
    expect(validateSchedule('0 8 * * *', 'Asia/Shanghai')).toBe('0 8 * * *');
    expect(validateSchedule('*/5 * * * * *', 'Asia/Shanghai')).toBe('*/5 * * * * *');
    expect(validateSchedule('0 30 7 * * 1-5', 'Asia/Shanghai')).toBe('0 30 7 * * 1-5');
    expect(validateSchedule('@daily', 'Asia/Shanghai')).toBe('0 0 * * *');
  });

  it.each(['bad', '61 * * * *', '0 8 * *', '0 0 8 * * * 2030', '0 0 30 2 *'])('refuses %j with one line naming DIGEST_CRON', (pattern) => {
    let error: unknown;
    try {
      validateSchedule(pattern, 'Asia/Shanghai');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as Error).message).toMatch(/^DIGEST_CRON: invalid schedule /);
    expect((error as Error).message).toContain(JSON.stringify(pattern));
    expect((error as Error).message).not.toContain('\n');
  });

  it('stops start-up on an invalid DIGEST_CRON, before the database is touched', async () => {
    const dir = tempDir();
    const config = loadConfig({ DIGEST_CRON: '0 25 * * *', DATA_DIR: `${dir}/data` });
    await expect(startApp(config, silent, { knowledge: sampleKnowledge(), core: {} as never })).rejects.toThrow(/^DIGEST_CRON: /);
  });
});

describe('a subscriber’s time', () => {
  it('reads HH:MM in its usual spellings', () => {
    expect(parseTime('07:30')).toBe('07:30');
    expect(parseTime('7:30')).toBe('07:30');
    expect(parseTime('０７：３０')).toBe('07:30');
    expect(parseTime('0730')).toBe('07:30');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('24:00')).toBeUndefined();
    expect(parseTime('7点半')).toBeUndefined();
  });

  it('keeps the default schedule’s days and replaces its time', () => {
    expect(timePattern('0 8 * * *', '07:30')).toBe('0 30 7 * * *');
    expect(timePattern('0 8 * * 1-5', '18:05')).toBe('0 5 18 * * 1-5');
    expect(timePattern('*/5 * * * * *', '07:30')).toBe('0 30 7 * * *');
    // 2025-07-21 is a Monday: with weekdays only, Saturday 26th's 07:30 is skipped.
    const friday = new Date('2025-07-25T08:00:00+08:00');
    expect(isoInZone(nextRun('0 8 * * 1-5', 'Asia/Shanghai', '07:30', friday)!, 'Asia/Shanghai')).toBe('2025-07-28T07:30:00+08:00');
    expect(isoInZone(nextRun('0 8 * * *', 'Asia/Shanghai', null, friday)!, 'Asia/Shanghai')).toBe('2025-07-26T08:00:00+08:00');
  });

  it('names a slot by its schedule and time in DIGEST_TZ', () => {
    const slot = new Date('2025-07-22T00:00:00Z');
    expect(runKeyOf(null, slot, 'Asia/Shanghai')).toBe('default@2025-07-22T08:00:00+08:00');
    expect(runKeyOf('07:30', slot, 'UTC')).toBe('07:30@2025-07-22T00:00:00+00:00');
  });
});

describe('Throttle', () => {
  it('keeps the overall rate and one message per second per target', async () => {
    const throttle = new Throttle({ perSecond: 20, perTargetMs: 1000 });
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 30 }, (_, i) => throttle.take(`chat${i}`).then(() => times.push(Date.now() - started))));
    times.sort((a, b) => a - b);
    expect(times[19]).toBeLessThan(150); // the burst
    expect(times[29]).toBeGreaterThanOrEqual(450); // ten more at 20/s
    const t0 = Date.now();
    await throttle.take('other');
    await throttle.take('other');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('holds everything for a retry_after', async () => {
    const throttle = new Throttle({ perSecond: 100, perTargetMs: 0 });
    throttle.hold(300);
    const t0 = Date.now();
    await throttle.take('a');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });
});
