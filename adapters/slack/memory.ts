/**
 * What the adapter remembers in this process: event ids seen (unless the store keeps them) and
 * each user's questions of the last minute (QUESTIONS_PER_MINUTE: per instance, README).
 */
/** A set of ids that forgets each id after `ttlMs` and never holds more than `max`. */
export class ExpiringSet {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds the id; false when it was already there (a duplicate). */
  add(id: string): boolean {
    const now = this.now();
    for (const [key, expires] of this.seen) {
      if (expires > now && this.seen.size < this.max) break;
      this.seen.delete(key);
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/** Per-user limit of questions in a rolling minute. */
export class QuestionLimiter {
  private readonly asked = new Map<string, number[]>();
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a question by `user`; false when over the limit. */
  take(user: string | undefined): boolean {
    const key = user ?? '';
    const now = this.now();
    if (this.asked.size > 10_000) {
      for (const [k, times] of this.asked) if (times[times.length - 1] <= now - 60_000) this.asked.delete(k);
    }
    const times = (this.asked.get(key) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.perMinute) {
      this.asked.set(key, times);
      return false;
    }
    times.push(now);
    this.asked.set(key, times);
    return true;
  }
}
