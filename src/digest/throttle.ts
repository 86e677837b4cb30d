/**
 * A throttler for fan-out: a token bucket for the overall rate (Telegram: about 30 messages a
 * second per bot) and a minimum spacing per target (Telegram: one message a second per chat).
 * Callers wait in take() until a message may go; waiters are served first come, first served.
 * hold() stops everything for a while (a 429's retry_after applies to the whole bot).
 */

export interface RateLimits {
  /** Messages per second overall. */
  perSecond: number;
  /** Minimum milliseconds between two messages to one target. */
  perTargetMs: number;
  /** Bucket size: how many may go at once after a quiet spell (default: perSecond, at least 1). */
  burst?: number;
}

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortError';
  }
}

/** Waits `ms`, or less when the signal aborts (then rejects with AbortedError). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class Throttle {
  private tokens: number;
  private refilled: number;
  private heldUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly nextFor = new Map<string, number>();
  private readonly burst: number;
  private sweepAt = 10_000;

  constructor(
    readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limits.perSecond > 0)) throw new Error('Throttle: perSecond must be positive');
    this.burst = Math.max(1, limits.burst ?? Math.floor(limits.perSecond));
    this.tokens = this.burst;
    this.refilled = now();
  }

  /** Holds every send for `ms` from now (longer holds win). */
  hold(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.now() + ms);
  }

  /**
   * Resolves when a message to `target` may go; the slot is taken when it resolves. A target
   * still inside its spacing waits aside, so it does not hold up the others.
   */
  async take(target: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const spacing = (this.nextFor.get(target) ?? 0) - this.now();
      if (spacing > 0) await sleep(spacing, signal);
      const turn = this.queue.then(() => this.acquire(target, signal));
      this.queue = turn.then(
        () => undefined,
        () => undefined,
      );
      if (await turn) return;
    }
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.refilled) / 1000) * this.limits.perSecond);
    this.refilled = t;
  }

  /** In the queue: waits for a token; false (nothing taken) when the target's spacing is not over. */
  private async acquire(target: string, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) throw new AbortedError();
      this.refill();
      const t = this.now();
      if ((this.nextFor.get(target) ?? 0) > t) return false;
      const waitFor = Math.max(this.heldUntil - t, this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.limits.perSecond);
      if (waitFor <= 0) {
        this.tokens -= 1;
        this.nextFor.set(target, t + this.limits.perTargetMs);
        if (this.nextFor.size > this.sweepAt) {
          this.forget(t);
          this.sweepAt = Math.max(10_000, 2 * this.nextFor.size);
        }
        return true;
      }
      await sleep(Math.ceil(waitFor), signal);
    }
  }

  private forget(t: number): void {
    for (const [key, next] of this.nextFor) if (next <= t) this.nextFor.delete(key);
  }
}
