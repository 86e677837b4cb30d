/**
 * The digest as the adapters and the scheduler see it: subscribe / unsubscribe with a
 * confirmation to show, the current digest, the latest one sent, and running a scheduled slot.
 * Platform-free: the adapters wrap it as TelegramDigest / SlackDigest (adapters/digest/).
 */
import type { Knowledge } from '../knowledge/load.js';
import type { Logger } from '../log.js';
import type { Answer } from '../types.js';
import { buildDigest } from './content.js';
import type { Deliverer, RunReport } from './deliver.js';
import { DEFAULT_SCHEDULE, isoInZone, localDate, localTime, nextRun, parseTime, runKeyOf } from './schedule.js';
import type { Platform } from './store.js';
import type { Store } from '../store/store.js';
import { WriteFaults } from '../write-faults.js';

export interface DigestServiceOptions {
  store: Store;
  knowledge: Knowledge;
  /** DIGEST_CRON (validated) and DIGEST_TZ. */
  pattern: string;
  timezone: string;
  log: Logger;
  /** Sends scheduled runs; without it runSlot() records nothing (npm run digest, the console). */
  deliverer?: Deliverer;
  /** Called after a subscription is added, changed or ended (the scheduler re-syncs its jobs). */
  onChange?: () => void;
  /** Where a subscription that could not be saved is reported (default: once a minute on `log`). */
  faults?: WriteFaults;
}

export const SUBSCRIPTIONS = 'subscriptions';

/** What the user is told when the store cannot save (a full disk): nothing changed, try later. */
export const NOT_SAVED = {
  subscribe: '抱歉，订阅没能保存（服务器暂时无法写入），请稍后再试。',
  unsubscribe: '抱歉，退订没能保存（服务器暂时无法写入），请稍后再试。',
} as const;

/** How each platform spells the commands, for the confirmations. */
const COMMANDS: Record<Platform, { subscribe: string; unsubscribe: string }> = {
  telegram: { subscribe: '/subscribe', unsubscribe: '/unsubscribe' },
  slack: { subscribe: '/digest subscribe', unsubscribe: '/digest unsubscribe' },
  dingtalk: { subscribe: '/subscribe', unsubscribe: '/unsubscribe' },
  wecom: { subscribe: '/subscribe', unsubscribe: '/unsubscribe' },
  feishu: { subscribe: '/subscribe', unsubscribe: '/unsubscribe' },
};

export class DigestService {
  private readonly faults: WriteFaults;

  constructor(private readonly options: DigestServiceOptions) {
    this.faults = options.faults ?? new WriteFaults(options.log);
  }

  /** A change to the subscriptions, or the user's word that it could not be saved. */
  private async saving<T>(what: keyof typeof NOT_SAVED, change: () => Promise<T>): Promise<T | string> {
    try {
      const result = await change();
      this.faults.succeeded(SUBSCRIPTIONS);
      return result;
    } catch (error) {
      this.faults.failed(SUBSCRIPTIONS, error, `a ${what} was not saved; the user was told to try later`);
      return NOT_SAVED[what];
    }
  }

  private get store(): Store {
    return this.options.store;
  }

  /** Subscribes a target, at `time` (HH:MM, DIGEST_TZ) or on the default schedule; returns the confirmation. */
  async subscribe(platform: Platform, target: string, time?: string): Promise<string> {
    const cmd = COMMANDS[platform];
    const arg = (time ?? '').trim();
    const hhmm = arg ? parseTime(arg) : null;
    if (hhmm === undefined) {
      return `时间格式不对：“${arg.slice(0, 20)}”。请用 24 小时制 HH:MM，例如：${cmd.subscribe} 07:30`;
    }
    const saved = await this.saving('subscribe', () => this.store.subscribe(platform, target, hhmm));
    if (typeof saved === 'string') return saved;
    this.options.log.info({ platform, target, time: hhmm }, 'digest: subscribed');
    this.options.onChange?.();
    const next = nextRun(this.options.pattern, this.options.timezone, hhmm);
    const when = next ? `下次发送：${localTime(next, this.options.timezone)}（${this.options.timezone}）。` : '';
    const at = hhmm ? `每个发送日 ${hhmm} 发送到这里` : '按默认时间发送到这里';
    return `已订阅每日简报，${at}。${when}退订请发送 ${cmd.unsubscribe}`;
  }

  /** Ends a target's subscription; returns the confirmation. */
  async unsubscribe(platform: Platform, target: string): Promise<string> {
    const had = await this.saving('unsubscribe', () => this.store.unsubscribe(platform, target));
    if (typeof had === 'string') return had;
    if (!had) return '这里没有订阅每日简报。';
    this.options.log.info({ platform, target }, 'digest: unsubscribed');
    this.options.onChange?.();
    return `已退订每日简报。需要时再发送 ${COMMANDS[platform].subscribe} 即可重新订阅。`;
  }

  /**
   * The digest as of now. The new documents are those the target's latest scheduled digest did
   * not know of (for a target without one: the default schedule's latest).
   */
  async current(platform?: Platform, target?: string): Promise<Answer> {
    const sub = platform && target ? await this.store.subscription(platform, target) : undefined;
    const previous = (await this.store.latestRun(sub?.time ?? DEFAULT_SCHEDULE)) ?? (await this.store.latestRun());
    const since = previous ? await this.store.sourcesSeenBy(previous.createdAt) : undefined;
    return buildDigest(this.options.knowledge, { since, date: localDate(new Date(), this.options.timezone) });
  }

  /** The latest digest sent (App Home), or the current one when none was sent yet. */
  async latest(): Promise<Answer> {
    return (await this.store.latestRun())?.answer ?? this.current();
  }

  /**
   * Runs one scheduled slot of a schedule ('default' or HH:MM): records the run with its digest
   * and a pending row per subscriber, then delivers. Running a slot again is safe: the digest
   * recorded first is kept, and subscribers already served are not sent to again.
   */
  async runSlot(schedule: string, slot: Date): Promise<RunReport | undefined> {
    const deliverer = this.options.deliverer;
    if (!deliverer || deliverer.stopping) return undefined;
    const tz = this.options.timezone;
    const time = schedule === DEFAULT_SCHEDULE ? null : schedule;
    const subscribers = await this.store.subscribersOf(time, deliverer.platforms());
    const runKey = runKeyOf(schedule, slot, tz);
    const existing = await this.store.run(runKey);
    if (!existing && subscribers.length === 0) return undefined;
    let answer = existing?.answer;
    if (!answer) {
      const createdAt = new Date().toISOString();
      const previous = await this.store.latestRun(schedule);
      await this.store.noteSources(
        this.options.knowledge.sources.map((s) => s.id),
        createdAt,
      );
      const since = previous ? await this.store.sourcesSeenBy(previous.createdAt) : undefined;
      answer = buildDigest(this.options.knowledge, { since, date: localDate(slot, tz) });
    }
    await this.store.createRun({ runKey, schedule, slot: isoInZone(slot, tz), answer }, subscribers);
    return deliverer.deliver(runKey);
  }
}
