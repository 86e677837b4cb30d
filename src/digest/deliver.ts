/**
 * Delivery: sends a run's digest to each of its subscribers once, using the deliveries log.
 *
 * A run's rows are created 'pending' (store.createRun). For each row a worker waits for the
 * platform's throttler, claims the row (pending → sending, in SQLite), sends, and settles it:
 * sent; gone (the chat blocked the bot, the channel is gone: the subscription ends); failed
 * (a bad request, or retries used up); or back to pending while it waits to retry (429 after
 * retry_after, 5xx, timeouts, network: exponential backoff, bounded).
 *
 * Guarantees, per subscriber and scheduled slot:
 * - At most once: the UNIQUE (platform, target, run_key) row is claimed before each send, and a
 *   row that is sent is never claimed again — not by a re-run of the slot, not after a restart.
 * - At least once, for everything whose outcome is known: a row that is pending when the process
 *   stops (not reached yet, or waiting to retry) is sent by recover() at the next start, if the
 *   run is younger than `resumeWithinMs` (default 6 h; older ones are marked expired: yesterday's
 *   digest is not worth sending).
 * - Outcome unknown: a row still 'sending' at start-up means the process died during that very
 *   request; it may or may not have arrived. We choose at most once: it becomes 'unknown', is
 *   logged, and is not sent again. Only requests on the wire are exposed (the claim happens after
 *   the throttler lets the message go), so at most `concurrency` rows per crash; the reader
 *   can still ask /digest: a duplicate looks like a fault, a gap is quiet and recoverable.
 * - The one exception: a timeout is retried, and a timed-out request may have arrived, so its
 *   retry may duplicate it (a timeout usually means it did not).
 */
import type { Logger } from '../log.js';
import type { Answer } from '../types.js';
import { classify, describeError, type Verdict } from './classify.js';
import type { Delivery, Platform } from './store.js';
import type { Store } from '../store/store.js';
import { AbortedError, sleep, Throttle, type RateLimits } from './throttle.js';

/** How delivery reaches a platform; the adapters implement it. */
export interface DigestChannel {
  platform: Platform;
  /**
   * Sends the digest to a target (chat id / channel id). Throws the platform's error unchanged,
   * for `classify` to read.
   */
  send(target: string, answer: Answer): Promise<void>;
  /** What a failure of this platform means; undefined leaves it to the platform-neutral reading. */
  classify?(error: unknown): Verdict | undefined;
  /** Fan-out limits of the platform (Telegram: 30 messages/s overall, 1 s between two to one chat). */
  limits: RateLimits;
}


export interface DeliverOptions {
  log: Logger;
  /** Sends in flight at once (default 16). */
  concurrency?: number;
  /** Attempts per subscriber and run, the first included (default 5). */
  maxAttempts?: number;
  /** First retry delay without retry_after, doubled each time (default 1000 ms)… */
  backoffMs?: number;
  /** …up to this (default 30 s). */
  maxBackoffMs?: number;
  /** A retry_after longer than this fails the send instead of waiting (default 10 min). */
  maxRetryAfterMs?: number;
  /** recover(): unfinished runs younger than this are finished, older ones expire (default 6 h). */
  resumeWithinMs?: number;
  /** Called when a subscription ends because the target is gone. */
  onGone?: (platform: Platform, target: string, reason: string) => void;
}

export interface RunReport {
  runKey: string;
  sent: number;
  failed: number;
  gone: number;
  /** Rows left pending (stopped before they were sent). */
  pending: number;
}

export class Deliverer {
  private readonly channels = new Map<Platform, DigestChannel>();
  private readonly throttles = new Map<Platform, Throttle>();
  private readonly active = new Map<string, Promise<RunReport>>();
  private readonly abort = new AbortController();
  private readonly log: Logger;

  constructor(
    private readonly store: Store,
    channels: DigestChannel[],
    private readonly options: DeliverOptions,
  ) {
    this.log = options.log;
    for (const c of channels) {
      this.channels.set(c.platform, c);
      this.throttles.set(c.platform, new Throttle(c.limits));
    }
  }

  /** The platforms delivery can reach. */
  platforms(): Platform[] {
    return [...this.channels.keys()];
  }

  get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /** Sends a run's digest to every row still pending. Concurrent calls for one run share the work. */
  deliver(runKey: string): Promise<RunReport> {
    const running = this.active.get(runKey);
    if (running) return running;
    const p = this.deliverRun(runKey).finally(() => this.active.delete(runKey));
    this.active.set(runKey, p);
    return p;
  }

  private async deliverRun(runKey: string): Promise<RunReport> {
    const run = await this.store.run(runKey);
    if (!run) throw new Error(`digest: no run ${runKey}`);
    const rows = (await this.store.deliveries(runKey, 'pending')).filter((r) => this.channels.has(r.platform));
    let next = 0;
    const worker = async () => {
      while (!this.stopping && next < rows.length) {
        const row = rows[next++];
        try {
          await this.sendOne(row, run.answer);
        } catch (err) {
          // A store failure: leave the row as it is and go on with the others.
          this.log.error({ err, runKey, platform: row.platform, target: row.target }, 'digest: delivery step failed');
        }
      }
    };
    const workers = Math.max(1, Math.min(this.options.concurrency ?? 16, rows.length));
    await Promise.all(Array.from({ length: workers }, worker));

    const counts = await this.store.counts(runKey);
    const report: RunReport = {
      runKey,
      sent: counts.sent ?? 0,
      failed: (counts.failed ?? 0) + (counts.unknown ?? 0),
      gone: counts.gone ?? 0,
      pending: (counts.pending ?? 0) + (counts.sending ?? 0),
    };
    if (report.pending === 0) await this.store.finishRun(runKey);
    this.log.info(report, this.stopping && report.pending ? 'digest: run interrupted' : 'digest: run delivered');
    return report;
  }

  private backoff(attempt: number): number {
    const base = this.options.backoffMs ?? 1000;
    const delay = Math.min(this.options.maxBackoffMs ?? 30_000, base * 2 ** (attempt - 1));
    return delay * (0.8 + Math.random() * 0.4);
  }

  private async sendOne(row: Delivery, answer: Answer): Promise<void> {
    const channel = this.channels.get(row.platform)!;
    const throttle = this.throttles.get(row.platform)!;
    const maxAttempts = this.options.maxAttempts ?? 5;
    const where = { runKey: row.runKey, platform: row.platform, target: row.target };
    let target = row.target;
    for (let attempt = row.attempts + 1; ; attempt++) {
      try {
        await throttle.take(target, this.abort.signal);
      } catch (err) {
        if (err instanceof AbortedError) return; // stopping: the row stays pending
        throw err;
      }
      if (!(await this.store.subscription(row.platform, target))) {
        // Unsubscribed after the run was created.
        if (await this.store.claim(row.id)) await this.store.settle(row.id, 'expired', 'unsubscribed before sending');
        return;
      }
      if (!(await this.store.claim(row.id))) return; // another worker or process has it, or it is done
      try {
        await channel.send(target, answer);
        await this.store.settle(row.id, 'sent', target === row.target ? null : `sent to ${target}`);
        return;
      } catch (error) {
        const verdict = channel.classify?.(error) ?? classify(error);
        if (verdict.kind === 'gone') {
          await this.store.settle(row.id, 'gone', verdict.reason);
          await this.store.unsubscribe(row.platform, target);
          this.log.warn({ ...where, reason: verdict.reason }, 'digest: target gone, unsubscribed');
          this.options.onGone?.(row.platform, target, verdict.reason);
          return;
        }
        if (verdict.kind === 'moved') {
          await this.store.moveSubscription(row.platform, target, verdict.to);
          this.log.info({ ...where, to: verdict.to }, 'digest: chat moved, subscription follows');
          target = verdict.to;
          await this.store.settle(row.id, 'pending', verdict.reason);
          continue;
        }
        if (verdict.kind === 'fatal') {
          await this.store.settle(row.id, 'failed', verdict.reason);
          this.log.error({ ...where, err: describeError(error) }, 'digest: send refused');
          return;
        }
        const wait = verdict.retryAfterMs ?? this.backoff(attempt);
        if (attempt >= maxAttempts || wait > (this.options.maxRetryAfterMs ?? 600_000)) {
          await this.store.settle(row.id, 'failed', `${verdict.reason} (after ${attempt} attempts)`);
          this.log.error({ ...where, attempts: attempt, reason: verdict.reason }, 'digest: send failed, giving up');
          return;
        }
        if (!(await this.store.settle(row.id, 'pending', verdict.reason))) return; // taken over by a recovery
        if (verdict.retryAfterMs !== undefined) throttle.hold(verdict.retryAfterMs);
        this.log.warn({ ...where, attempt, retryInMs: Math.round(wait), reason: verdict.reason }, 'digest: send failed, will retry');
        try {
          await sleep(wait, this.abort.signal);
        } catch {
          return; // stopping: pending, finished at the next start
        }
      }
    }
  }

  /**
   * At start-up: finishes runs a previous process left unfinished. Rows caught mid-send become
   * 'unknown' (not re-sent); pending rows are sent if the run is recent, else expire.
   */
  async recover(now: number = Date.now()): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    for (const run of await this.store.unfinishedRuns()) {
      const unknown = await this.store.remark(run.runKey, 'sending', 'unknown', 'process stopped during the send; not sent again');
      if (unknown) this.log.warn({ runKey: run.runKey, rows: unknown }, 'digest: sends interrupted by a stop, outcome unknown (not repeated)');
      if (now - Date.parse(run.createdAt) > (this.options.resumeWithinMs ?? 6 * 3_600_000)) {
        const expired = await this.store.remark(run.runKey, 'pending', 'expired', 'run too old to finish');
        await this.store.finishRun(run.runKey);
        this.log.warn({ runKey: run.runKey, rows: expired }, 'digest: unfinished run too old, expired');
        continue;
      }
      this.log.info({ runKey: run.runKey }, 'digest: finishing a run left unfinished');
      reports.push(await this.deliver(run.runKey));
    }
    return reports;
  }

  /**
   * Stops: no new sends; waits (up to `waitMs`) for the sends on the wire to settle. Rows not
   * reached stay pending for recover().
   */
  async stop(waitMs = 10_000): Promise<void> {
    this.abort.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.active.values()]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }
}
