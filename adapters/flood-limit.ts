/**
 * QUESTIONS_PER_MINUTE for DingTalk, WeCom and Feishu: questions one user may send in any
 * minute. The first one over the limit is told so; the rest are ignored until the minute is
 * over, as on Telegram.
 */

const MINUTE = 60_000;
const MAX_USERS = 10_000;

export type FloodVerdict = 'ok' | 'first over' | 'over';

export class FloodLimit {
  private readonly asked = new Map<string, { times: number[]; told: boolean }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(user: string): FloodVerdict {
    const at = this.now();
    if (this.asked.size >= MAX_USERS && !this.asked.has(user)) this.asked.clear();
    const entry = this.asked.get(user) ?? { times: [], told: false };
    this.asked.set(user, entry);
    entry.times = entry.times.filter((t) => t > at - MINUTE);
    if (entry.times.length < this.perMinute) {
      entry.times.push(at);
      entry.told = false;
      return 'ok';
    }
    if (entry.told) return 'over';
    entry.told = true;
    return 'first over';
  }
}
