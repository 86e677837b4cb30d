/**
 * Start-up wiring, shared by `npm start` (adapters/start.ts) and the end-to-end tests:
 * schedule and store checked first (faults stop start-up with one line), the core over the
 * store (core-store.ts), each platform whose credentials are set with the digest plugged in
 * (platforms.ts), reports from the chat, then the scheduler and the recovery of a run a
 * previous process (or, with PostgreSQL, a stopped neighbour) left unfinished.
 * Without any platform's credentials nothing is started and the caller opens the console chat.
 */
import type { RunningDingTalk } from './dingtalk/start.js';
import type { RunningWeCom } from './wecom/start.js';
import type { RunningFeishu } from './feishu/start.js';
import type { RunningSlack } from './slack.js';
import type { TelegramHandle } from './telegram.js';
import type { Config } from '../src/config.js';
import type { AnswerLog } from '../src/answer-log/log.js';
import type { CoreOptions, LocalCore } from '../src/core.js';
import { Deliverer, type DeliverOptions, type DigestChannel } from '../src/digest/deliver.js';
import { Scheduler, validateSchedule } from '../src/digest/schedule.js';
import { DigestService } from '../src/digest/service.js';
import type { DigestStore, Platform } from '../src/digest/store.js';
import { openStore } from '../src/store/open.js';
import { followKnowledge } from '../src/store/knowledge-version.js';
import type { Memos } from '../src/store/sealed-memos.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import type { Knowledge } from '../src/knowledge/load.js';
import { watchKnowledge } from '../src/knowledge/live.js';
import { GENERATED_DIR } from '../src/knowledge/lexicon.js';
import type { Logger } from '../src/log.js';
import { warmUp } from '../src/warm-up.js';
import { WriteFaults } from '../src/write-faults.js';
import { ReportDesk } from '../src/reports/desk.js';
import { childRebuild } from '../src/reports/rebuild.js';
import { ReportShelf, reportsDirOf } from '../src/reports/shelf.js';
import { MEMO_DAYS } from './telegram/memo.js';
import { BUTTON_MEMOS, digestChannels, loadPlatforms, startPlatforms } from './platforms.js';
import { coreOverStore } from './core-store.js';

/** The answer log is pruned to ANSWER_LOG_DAYS at start and once a day. */
const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;
/** With DATABASE_URL: how often each instance looks for runs a stopped neighbour left. */
const RECOVER_EVERY_MS = Number(process.env.JX_RECOVER_EVERY_MS) || 60_000;

export interface AppOptions {
  core?: LocalCore;
  /** Builds the core over the store's conversations, when `core` is not given (default: createCore). */
  makeCore?: (options: CoreOptions) => LocalCore;
  /** The knowledge the digest reads (default: the core's). */
  knowledge?: Knowledge;
  /**
   * The directory whose rebuilds the core swaps in without a restart (default:
   * knowledge/generated when the app makes its own core; none when a core is given).
   */
  watchKnowledge?: string;
  /** Where a report added from the chat rebuilds the knowledge to (default: knowledge/generated). */
  knowledgeDir?: string;
  /** Interface for the webhook / Slack HTTP servers (default: all). */
  host?: string;
  /** Delivery tuning (tests, the benchmark). */
  deliver?: Omit<DeliverOptions, 'log' | 'onGone'>;
  /** Replaces a platform's digest channel (tests). */
  channels?: Partial<Record<Platform, DigestChannel>>;
  /** An adapter stopped receiving for good while running (npm start then stops, exit 1). */
  onFatal?: (error: unknown) => void;
}

export interface App {
  core: LocalCore;
  /** Everything kept: SQLite in DATA_DIR, or PostgreSQL (DATABASE_URL). */
  records: Store;
  /** The SQLite database, when that is the store (none with DATABASE_URL). */
  store?: DigestStore;
  /** What was asked and answered, and the 👍/👎 given; none with ANSWER_LOG=off. */
  answerLog?: AnswerLog;
  service: DigestService;
  /** The platforms started; empty means console mode. */
  platforms: Platform[];
  telegram?: TelegramHandle;
  slack?: RunningSlack;
  dingtalk?: RunningDingTalk;
  wecom?: RunningWeCom;
  feishu?: RunningFeishu;
  scheduler?: Scheduler;
  deliverer?: Deliverer;
  /**
   * Stops the scheduler and delivery (sends in flight settle) and, at the same time, the
   * adapters (answers in flight finish); then closes the database.
   */
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<App> {
  // Faults that would otherwise show at 8 am: checked before anything connects.
  const pattern = validateSchedule(config.DIGEST_CRON, config.DIGEST_TZ);
  const records = await openStore(config);
  const store = records instanceof SqliteStore ? records.digest : undefined;
  // A full disk is said once here, with what it costs; each failing write then once a minute.
  for (const warning of store?.warnings ?? []) log.warn(warning);
  if (store?.degraded) log.warn({ savedIn: store.degraded.savedIn }, store.degraded.warning);
  const closeStore = () => records.close().catch((err: unknown) => log.error({ err }, 'store: close failed'));
  const faults = new WriteFaults(log);
  let core: LocalCore, answerLog: AnswerLog | undefined, sharedMemos: Memos | undefined, pruneLog: () => Promise<void>;
  try {
    ({ core, answerLog, sharedMemos, pruneLog } = coreOverStore(config, log, records, store, faults, options));
  } catch (error) {
    await closeStore();
    throw error;
  }
  await pruneLog();
  if (!store) await records.pruneMemos(Date.now() - MEMO_DAYS * 86_400_000).catch((err: unknown) => faults.failed(BUTTON_MEMOS, err, 'old memos are deleted later'));
  // The core's knowledge as it is at each use: a rebuilt knowledge reaches the digest too.
  const knowledgeNow = () => options.knowledge ?? core.knowledge;
  // Before anything is received: the first question's cold start would hold up a whole burst.
  if (!options.core) log.debug({ ms: warmUp(core) }, 'core warmed up');

  const loaded = await loadPlatforms(config, log);
  let channels: DigestChannel[];
  try {
    channels = digestChannels(loaded, config, options.channels);
  } catch (error) {
    await closeStore();
    throw error;
  }
  const platforms = channels.map((c) => c.platform);

  let scheduler: Scheduler | undefined;
  const deliverer = platforms.length
    ? new Deliverer(records, channels, { ...options.deliver, log, onGone: () => scheduler?.refresh() })
    : undefined;
  const service = new DigestService({
    store: records,
    get knowledge() {
      return knowledgeNow();
    },
    pattern,
    timezone: config.DIGEST_TZ,
    log,
    deliverer,
    onChange: () => scheduler?.refresh(),
    faults,
  });

  // Reports sent by operators: kept in DATA_DIR/reports, rebuilt in a child process, swapped in.
  const reportsDir = reportsDirOf(config);
  const rebuild = childRebuild({ reportsDir, knowledgeDir: options.knowledgeDir ?? GENERATED_DIR });
  // Several instances: a report added on one is rebuilt into each (REPORTS_DIR shared).
  const follower = store ? undefined : await followKnowledge(records, rebuild, (k) => core.swap(k), log);
  const reports = new ReportDesk({
    shelf: new ReportShelf(reportsDir),
    rebuild,
    swap: (k) => {
      core.swap(k);
      follower?.announce();
    },
    log,
  });

  let running;
  try {
    running = await startPlatforms(loaded, { core, config, log, service, records, store, faults, answerLog, reports, sharedMemos, host: options.host, onFatal: options.onFatal });
  } catch (error) {
    follower?.stop();
    await closeStore();
    throw error;
  }
  const stopAdapters = () => running.stop();
  const { telegram, slack, dingtalk, wecom, feishu } = running;

  const pruning = setInterval(pruneLog, PRUNE_EVERY_MS).unref();
  // `npm run knowledge` (or --add) while the bot runs: the next question is answered from the rebuild.
  const watchDir = options.watchKnowledge ?? (options.core || options.makeCore || options.knowledge ? undefined : GENERATED_DIR);
  const knowledgeWatch = watchDir ? watchKnowledge(watchDir, (k) => core.swap(k), { log }) : undefined;
  if (deliverer) {
    scheduler = new Scheduler({
      pattern,
      timezone: config.DIGEST_TZ,
      schedules: () => (store ? store.schedules() : records.schedules()),
      run: (schedule, slot) => service.runSlot(schedule, slot),
      log,
    });
    scheduler.start();
    deliverer.recover().catch((err: unknown) => log.error({ err }, 'digest: recovery failed'));
  }
  // Several instances: one killed mid-run leaves its run to the others, who look every minute
  // (its sends on the wire become 'unknown', the rest are sent); subscriptions made elsewhere
  // get their jobs here too.
  const neighbours =
    deliverer && !store
      ? setInterval(() => {
          scheduler?.refresh();
          deliverer.recover().catch((err: unknown) => log.error({ err }, 'digest: recovery failed'));
        }, RECOVER_EVERY_MS).unref()
      : undefined;

  let stopping: Promise<void> | undefined;
  const stopDigest = async () => {
    const schedulerStopped = scheduler?.stop(); // no new runs
    await deliverer?.stop(); // no new sends; those on the wire settle
    await schedulerStopped;
  };
  const stop = () =>
    (stopping ??= (async () => {
      // Receiving stops and answers in flight finish while the digest settles; each is bounded.
      await Promise.allSettled([stopDigest(), stopAdapters()]);
      clearInterval(pruning);
      clearInterval(neighbours);
      follower?.stop();
      knowledgeWatch?.close();
      await answerLog?.flush(); // answers given while stopping
      await closeStore();
      log.info('stopped');
    })());

  return { core, records, store, answerLog, service, platforms, telegram, slack, dingtalk, wecom, feishu, scheduler, deliverer, stop };
}
