/**
 * When digests go out. Semantics:
 *
 * - Subscribers without a time follow DIGEST_CRON (5 fields, or 6 with seconds) in DIGEST_TZ.
 * - A subscriber's own HH:MM (/subscribe 07:30) replaces the time of day but keeps the days:
 *   their digest goes at HH:MM (DIGEST_TZ) on every day DIGEST_CRON selects, by its
 *   day-of-month, month and day-of-week fields. "0 8 * * 1-5" with 07:30 → "0 30 7 * * 1-5".
 *   Such a subscriber gets one digest on those days, however often DIGEST_CRON itself fires.
 * - Each schedule in use (the default, and each distinct HH:MM among subscribers) is one croner
 *   job; the set is refreshed when a subscription changes. A job whose previous run is still
 *   delivering skips that slot (protect), and slots missed while the process was down are not
 *   caught up (an unfinished run is finished at start-up, see deliver.ts).
 * - A slot is identified by its schedule and its scheduled time: run key
 *   "default@2025-07-22T08:00:00+08:00" or "07:30@2025-07-22T07:30:00+08:00".
 */
import { Cron } from 'croner';
import { ConfigError } from '../config.js';
import type { Logger } from '../log.js';

export const DEFAULT_SCHEDULE = 'default';

export class ScheduleError extends ConfigError {}

function oneLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}

/** What DIGEST_CRON may be, in the README's words. */
export const SCHEDULE_FORMS = '5 fields (minute hour day month weekday, as in 0 8 * * *), or 6 with seconds (*/5 * * * * *), or @daily';

/** Why croner refused a pattern, in words that match SCHEDULE_FORMS (croner counts up to seven parts). */
function whyRefused(pattern: string, error: unknown): string {
  const fields = pattern.trim().split(/\s+/).length;
  if (pattern.trim().startsWith('@')) return `unknown nickname ${pattern.trim()}`;
  if (fields !== 5 && fields !== 6) return `it has ${fields} field${fields === 1 ? '' : 's'}`;
  const reason = oneLine(error).replace(/^CronPattern: /, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * Checks DIGEST_CRON in DIGEST_TZ: a 5- or 6-field pattern (or a nickname like @daily) that runs
 * at least once. Returns the pattern as croner reads it; throws a one-line ScheduleError.
 */
export function validateSchedule(pattern: string, timezone: string): string {
  let job: Cron | undefined;
  let why: string;
  try {
    job = new Cron(pattern, { timezone, paused: true, mode: '5-or-6-parts' });
    if (job.nextRun()) return job.getPattern() ?? pattern;
    why = `it never runs in ${timezone}`;
  } catch (error) {
    why = whyRefused(pattern, error);
  } finally {
    job?.stop();
  }
  throw new ScheduleError(`DIGEST_CRON: invalid schedule ${JSON.stringify(pattern)} (${why}); use ${SCHEDULE_FORMS}`);
}

/** Reads a time of day: 7:30, 07:30, 07：30 (full-width too), 0730. Returns HH:MM, or undefined. */
export function parseTime(input: string): string | undefined {
  const text = input.normalize('NFKC').trim();
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** The croner pattern for a subscriber's HH:MM: that time, on the days the default pattern selects. */
export function timePattern(defaultPattern: string, time: string): string {
  const fields = defaultPattern.trim().split(/\s+/);
  const days = fields.length >= 6 ? fields.slice(3, 6) : fields.slice(2, 5);
  const [h, m] = time.split(':').map(Number);
  return `0 ${m} ${h} ${days.join(' ')}`;
}

/** The pattern for a schedule: the default, or a subscriber's HH:MM. */
export function patternFor(defaultPattern: string, schedule: string | null): string {
  return schedule === null || schedule === DEFAULT_SCHEDULE ? defaultPattern : timePattern(defaultPattern, schedule);
}

function parts(date: Date, timezone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/** ISO 8601 in the time zone, to the second: 2025-07-22T08:00:00+08:00. */
export function isoInZone(date: Date, timezone: string): string {
  const p = parts(date, timezone);
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace(/^GMT/, '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** 2025-07-22 08:00 in the time zone, for people. */
export function localTime(date: Date, timezone: string): string {
  const p = parts(date, timezone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2025年7月22日 in the time zone (the digest's title). */
export function localDate(date: Date, timezone: string): string {
  const p = parts(date, timezone);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}

/** The run key of a slot: schedule@scheduled time. */
export function runKeyOf(schedule: string | null, slot: Date, timezone: string): string {
  return `${schedule ?? DEFAULT_SCHEDULE}@${isoInZone(slot, timezone)}`;
}

/** The next time a schedule fires after `after` (default now), or null. */
export function nextRun(defaultPattern: string, timezone: string, schedule: string | null, after?: Date): Date | null {
  const job = new Cron(patternFor(defaultPattern, schedule), { timezone, paused: true, mode: '5-or-6-parts' });
  try {
    return job.nextRun(after);
  } finally {
    job.stop();
  }
}

export interface SchedulerOptions {
  /** DIGEST_CRON (validated). */
  pattern: string;
  /** DIGEST_TZ. */
  timezone: string;
  /** The schedules in use: null for the default, else HH:MM (the store's schedules()). */
  schedules: () => (string | null)[] | Promise<(string | null)[]>;
  /** Delivers one slot. `schedule` is 'default' or HH:MM; `slot` the scheduled time. */
  run: (schedule: string, slot: Date) => Promise<unknown>;
  log: Logger;
}

/** One croner job per schedule in use. */
export class Scheduler {
  private readonly jobs = new Map<string, Cron>();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {
    validateSchedule(options.pattern, options.timezone);
  }

  /** Starts (or re-syncs) the jobs: the default one always, one per HH:MM in use. */
  refresh(): void {
    if (this.stopped) return;
    const schedules = this.options.schedules();
    if (schedules instanceof Promise) {
      // A store across processes: the jobs follow when it answers (a failure keeps them as they are).
      schedules.then(
        (list) => this.sync(list),
        (err: unknown) => this.options.log.error({ err }, 'digest: cannot read the schedules; jobs kept as they are'),
      );
    } else this.sync(schedules);
  }

  private sync(schedules: (string | null)[]): void {
    if (this.stopped) return;
    const wanted = new Set<string>([DEFAULT_SCHEDULE]);
    for (const s of schedules) wanted.add(s ?? DEFAULT_SCHEDULE);
    for (const [name, job] of this.jobs) {
      if (!wanted.has(name)) {
        job.stop();
        this.jobs.delete(name);
      }
    }
    for (const name of wanted) {
      if (this.jobs.has(name)) continue;
      const pattern = patternFor(this.options.pattern, name);
      const job = new Cron(
        pattern,
        {
          timezone: this.options.timezone,
          mode: '5-or-6-parts',
          protect: (self: Cron) =>
            this.options.log.warn({ schedule: name, slot: self.currentRun() }, 'digest: previous run still delivering, slot skipped'),
        },
        (self: Cron) => this.fire(name, self.currentRun() ?? new Date()),
      );
      this.jobs.set(name, job);
    }
  }

  start(): void {
    this.refresh();
    this.options.log.info(
      { cron: this.options.pattern, tz: this.options.timezone, next: this.nextRun(null)?.toISOString() },
      'digest: scheduler started',
    );
  }

  /** The next slot of a schedule (null: the default). */
  nextRun(schedule: string | null): Date | null {
    return nextRun(this.options.pattern, this.options.timezone, schedule);
  }

  /** Schedules with a running job, for tests and logs. */
  active(): string[] {
    return [...this.jobs.keys()];
  }

  private fire(schedule: string, slot: Date): Promise<void> {
    const p = (async () => {
      try {
        await this.options.run(schedule, slot);
      } catch (err) {
        this.options.log.error({ err, schedule, slot }, 'digest: run failed');
      }
    })();
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
    return p;
  }

  /** Stops every job and waits for runs in progress (stop the deliverer first to cut them short). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.allSettled([...this.running]);
  }
}
