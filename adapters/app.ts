/**
 * Start-up wiring, shared by `npm start` (adapters/start.ts) and the end-to-end tests:
 * schedule and digest store checked first (faults stop start-up with one line), then Telegram
 * and/or Slack with the digest plugged in, then the scheduler and the recovery of a run a
 * previous process left unfinished. Conversations and the answer log live in the same store.
 * Without any platform token nothing is started and the caller opens the console chat.
 */
import { dirname } from 'node:path';
import type { RunningDingTalk } from './dingtalk/start.js';
import type { RunningWeCom } from './wecom/start.js';
import type { RunningFeishu } from './feishu/start.js';
import type { RunningSlack } from './slack.js';
import type { TelegramHandle } from './telegram.js';
import type { Config } from '../src/config.js';
import { ANSWER_LOG, AnswerLog } from '../src/answer-log/log.js';
import { pseudonymKey, pseudonyms } from '../src/answer-log/pseudonym.js';
import { CONVERSATION_MEMORY, StoredContexts } from '../src/conversation-store.js';
import { createCore, type CoreOptions, type LocalCore } from '../src/core.js';
import { Deliverer, type DeliverOptions, type DigestChannel } from '../src/digest/deliver.js';
import { Scheduler, validateSchedule } from '../src/digest/schedule.js';
import { DigestService } from '../src/digest/service.js';
import type { DigestStore, Platform } from '../src/digest/store.js';
import { openStore } from '../src/store/open.js';
import { SharedContexts } from '../src/store/contexts.js';
import { followKnowledge } from '../src/store/knowledge-version.js';
import { sealedMemos, type Memos } from '../src/store/sealed-memos.js';
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
import { seenInStore } from './seen-events.js';
import { MESSAGE_MEMORY_MS } from './answering.js';
import { MEMO_DAYS } from './telegram/memo.js';

/**
 * Each platform's modules, and the SDK behind them, are loaded only when it is set up: the
 * console chat holds none of them, and a bot of one platform only its own (memory, start-up).
 */
const platformModules = {
  telegram: async () => ({ ...(await import('./telegram.js')), ...(await import('./digest/telegram.js')), ...(await import('./telegram/once.js')) }),
  slack: async () => ({ ...(await import('./slack.js')), ...(await import('./digest/slack.js')) }),
  dingtalk: async () => ({ ...(await import('./dingtalk/start.js')), ...(await import('./digest/dingtalk.js')), ...(await import('./answering.js')) }),
  wecom: async () => ({ ...(await import('./wecom/start.js')), ...(await import('./digest/wecom.js')), ...(await import('./answering.js')) }),
  feishu: async () => ({ ...(await import('./feishu/start.js')), ...(await import('./digest/feishu.js')), ...(await import('./answering.js')) }),
};

/**
 * DingTalk's, WeCom's and Feishu's message ids: in SQLite, checked as each message arrives; with
 * DATABASE_URL, in each instance's memory (those adapters read it synchronously; README).
 */
const seenHere = (store: DigestStore | undefined, platform: string) =>
  store ? { add: (id: string) => store.firstSight(`${platform}:${id}`, MESSAGE_MEMORY_MS) } : undefined;

const BUTTON_MEMOS = 'button memos';

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
  let core: LocalCore;
  let answerLog: AnswerLog | undefined;
  let keptLog: AnswerLog;
  let sharedMemos: Memos | undefined;
  try {
    // Conversations live in the store, so a restart keeps the last 30 minutes of each.
    // With DATABASE_URL, ANSWER_LOG_KEY is required (config.ts): every instance hashes alike.
    const pseudonym = pseudonyms(pseudonymKey(store ? dirname(store.file) : config.DATA_DIR, config.ANSWER_LOG_KEY, (warning) => log.warn(warning)));
    // Several instances: Telegram's button memos in the database, sealed with the same key.
    if (!store && config.ANSWER_LOG_KEY) sharedMemos = sealedMemos(records, Buffer.from(config.ANSWER_LOG_KEY, 'utf8'));
    const contexts = store ? new StoredContexts(store.db, pseudonym, faults) : new SharedContexts(records, pseudonym, faults);
    core = options.core ?? (options.makeCore ?? ((o) => createCore(undefined, o)))({ contexts });
    try {
      if (contexts instanceof StoredContexts) contexts.prune();
    } catch (err) {
      faults.failed(CONVERSATION_MEMORY, err, 'idle conversations are deleted later');
    }
    // Kept entries are pruned to ANSWER_LOG_DAYS even with the log off; only writing stops.
    keptLog = new AnswerLog(records, { pseudonym, days: config.ANSWER_LOG_DAYS, log, faults });
    if (config.ANSWER_LOG === 'on') answerLog = keptLog;
  } catch (error) {
    await closeStore();
    throw error;
  }
  const pruneLog = async () => {
    try {
      const pruned = await keptLog.prune();
      if (pruned) log.info({ entries: pruned, days: config.ANSWER_LOG_DAYS }, 'answer log: old entries deleted');
    } catch (err) {
      faults.failed(ANSWER_LOG, err, 'old entries are deleted later');
    }
  };
  await pruneLog();
  if (!store) await records.pruneMemos(Date.now() - MEMO_DAYS * 86_400_000).catch((err: unknown) => faults.failed(BUTTON_MEMOS, err, 'old memos are deleted later'));
  // The core's knowledge as it is at each use: a rebuilt knowledge reaches the digest too.
  const knowledgeNow = () => options.knowledge ?? core.knowledge;
  // Before anything is received: the first question's cold start would hold up a whole burst.
  if (!options.core) log.debug({ ms: warmUp(core) }, 'core warmed up');

  const channels: DigestChannel[] = [];
  const tg = config.TELEGRAM_BOT_TOKEN ? await platformModules.telegram() : undefined;
  const sl = config.SLACK_BOT_TOKEN ? await platformModules.slack() : undefined;
  const dt = config.DINGTALK_CLIENT_ID ? await platformModules.dingtalk() : undefined;
  const wc = config.WECOM_CORP_ID ? await platformModules.wecom() : undefined;
  const fs = config.FEISHU_APP_ID ? await platformModules.feishu() : undefined;
  // One OpenAPI client for the robot and its digest channel: one access token, cached.
  const dingtalkOpenApi = dt?.dingtalkApi(config);
  const wecomClient = wc?.wecomApi(config);
  const feishuClient = fs?.feishuApi(config, log);
  try {
    if (tg) channels.push(options.channels?.telegram ?? tg.telegramChannel(config));
    if (sl) channels.push(options.channels?.slack ?? sl.slackChannel(config));
    if (dt && dingtalkOpenApi) channels.push(options.channels?.dingtalk ?? dt.dingtalkChannel(config, { api: dingtalkOpenApi }));
    if (wc && wecomClient) channels.push(options.channels?.wecom ?? wc.wecomChannel(config, { api: wecomClient }));
    if (fs && feishuClient) channels.push(options.channels?.feishu ?? fs.feishuChannel(feishuClient));
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

  let telegram: TelegramHandle | undefined;
  let slack: RunningSlack | undefined;
  let dingtalk: RunningDingTalk | undefined;
  let wecom: RunningWeCom | undefined;
  let feishu: RunningFeishu | undefined;
  const stopAdapters = async () => {
    await Promise.allSettled([telegram?.stop(), slack?.stop(), dingtalk?.stop(), wecom?.stop(), feishu?.stop()]);
  };
  try {
    if (tg) {
      telegram = await tg.startTelegram(core, config, log, {
        digest: tg.telegramDigest(service),
        host: options.host,
        onFatal: options.onFatal,
        answerLog,
        // In the store, so that a webhook update redelivered after a restart is answered once.
        seenUpdates: seenInStore(records, 'telegram', tg.UPDATE_MEMORY_MS, faults),
        // Several instances: a button's memo is kept in the database for any of them.
        shared: sharedMemos && { memos: sharedMemos, failed: (err) => faults.failed(BUTTON_MEMOS, err, 'buttons work on this instance only meanwhile') },
        reports,
      });
    }
    if (sl) {
      slack = await sl.startSlack(core, config, log, {
        digest: sl.slackDigest(service),
        host: options.host,
        // In the store, so that a retry arriving after a restart is still recognised.
        seenEvents: seenInStore(records, 'slack', sl.EVENT_MEMORY_MS, faults),
        answerLog,
        reports,
      });
    }
    if (dt && dingtalkOpenApi) {
      dingtalk = await dt.startDingTalk(core, config, log, {
        digest: dt.dingtalkDigest(service),
        api: dingtalkOpenApi,
        host: options.host,
        // In the store, so that a redelivery arriving after a restart is still recognised.
        seen: seenHere(store, 'dingtalk'),
        answerLog,
        reports,
      });
    }
    if (wc && wecomClient) {
      wecom = await wc.startWeCom(core, config, log, {
        digest: wc.wecomDigest(service),
        api: wecomClient,
        host: options.host,
        seen: seenHere(store, 'wecom'),
        answerLog,
        reports,
      });
    }
    if (fs && feishuClient) {
      feishu = await fs.startFeishu(core, config, log, {
        digest: fs.feishuDigest(service),
        api: feishuClient,
        host: options.host,
        seen: seenHere(store, 'feishu'),
        answerLog,
        reports,
      });
    }
  } catch (error) {
    await stopAdapters();
    follower?.stop();
    await closeStore();
    throw error;
  }

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
