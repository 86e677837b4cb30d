/**
 * The platforms of one start: each one's modules (and the SDK behind them) loaded only when its
 * credentials are set, its digest channel, and its adapter started with what every adapter
 * shares — the core, the digest service, the answer log, the report desk and the store's
 * memory of what was received. adapters/app.ts does the rest of start-up.
 */
import type { Config } from '../src/config.js';
import type { AnswerLog } from '../src/answer-log/log.js';
import type { LocalCore } from '../src/core.js';
import type { DigestChannel } from '../src/digest/deliver.js';
import type { DigestService } from '../src/digest/service.js';
import type { DigestStore, Platform } from '../src/digest/store.js';
import type { Logger } from '../src/log.js';
import type { ReportDesk } from '../src/reports/desk.js';
import type { Memos } from '../src/store/sealed-memos.js';
import type { Store } from '../src/store/store.js';
import type { WriteFaults } from '../src/write-faults.js';
import type { RunningDingTalk } from './dingtalk/start.js';
import type { RunningFeishu } from './feishu/start.js';
import type { RunningSlack } from './slack.js';
import type { TelegramHandle } from './telegram.js';
import type { RunningWeCom } from './wecom/start.js';
import { MESSAGE_MEMORY_MS } from './answering.js';
import { seenInStore } from './seen-events.js';

const modules = {
  telegram: async () => ({ ...(await import('./telegram.js')), ...(await import('./digest/telegram.js')), ...(await import('./telegram/once.js')) }),
  slack: async () => ({ ...(await import('./slack.js')), ...(await import('./digest/slack.js')) }),
  dingtalk: async () => ({ ...(await import('./dingtalk/start.js')), ...(await import('./digest/dingtalk.js')) }),
  wecom: async () => ({ ...(await import('./wecom/start.js')), ...(await import('./digest/wecom.js')) }),
  feishu: async () => ({ ...(await import('./feishu/start.js')), ...(await import('./digest/feishu.js')) }),
};

export const BUTTON_MEMOS = 'button memos';

/**
 * DingTalk's, WeCom's and Feishu's message ids: in SQLite, checked as each message arrives; with
 * DATABASE_URL, in each instance's memory (those adapters read it synchronously; README).
 */
const seenHere = (store: DigestStore | undefined, platform: string) =>
  store ? { add: (id: string) => store.firstSight(`${platform}:${id}`, MESSAGE_MEMORY_MS) } : undefined;

/** The platforms whose credentials are set, loaded, with their API clients (one access token each, cached). */
export async function loadPlatforms(config: Config, log: Logger) {
  const tg = config.TELEGRAM_BOT_TOKEN ? await modules.telegram() : undefined;
  const sl = config.SLACK_BOT_TOKEN ? await modules.slack() : undefined;
  const dt = config.DINGTALK_CLIENT_ID ? await modules.dingtalk() : undefined;
  const wc = config.WECOM_CORP_ID ? await modules.wecom() : undefined;
  const fs = config.FEISHU_APP_ID ? await modules.feishu() : undefined;
  return { tg, sl, dt, wc, fs, dingtalkApi: dt?.dingtalkApi(config), wecomApi: wc?.wecomApi(config), feishuApi: fs?.feishuApi(config, log) };
}

export type LoadedPlatforms = Awaited<ReturnType<typeof loadPlatforms>>;

/** The digest channel of each platform loaded (or the one given in its place, in tests). */
export function digestChannels(p: LoadedPlatforms, config: Config, given: Partial<Record<Platform, DigestChannel>> = {}): DigestChannel[] {
  const channels: DigestChannel[] = [];
  if (p.tg) channels.push(given.telegram ?? p.tg.telegramChannel(config));
  if (p.sl) channels.push(given.slack ?? p.sl.slackChannel(config));
  if (p.dt && p.dingtalkApi) channels.push(given.dingtalk ?? p.dt.dingtalkChannel(config, { api: p.dingtalkApi }));
  if (p.wc && p.wecomApi) channels.push(given.wecom ?? p.wc.wecomChannel(config, { api: p.wecomApi }));
  if (p.fs && p.feishuApi) channels.push(given.feishu ?? p.fs.feishuChannel(p.feishuApi));
  return channels;
}

/** What every adapter is started with. */
export interface Wiring {
  core: LocalCore;
  config: Config;
  log: Logger;
  service: DigestService;
  records: Store;
  /** The SQLite database, when that is the store. */
  store?: DigestStore;
  faults: WriteFaults;
  answerLog?: AnswerLog;
  reports: ReportDesk;
  /** Several instances: Telegram's button memos in the database. */
  sharedMemos?: Memos;
  host?: string;
  onFatal?: (error: unknown) => void;
}

export interface RunningPlatforms {
  telegram?: TelegramHandle;
  slack?: RunningSlack;
  dingtalk?: RunningDingTalk;
  wecom?: RunningWeCom;
  feishu?: RunningFeishu;
  /** Stops them all; answers in flight finish. */
  stop(): Promise<void>;
}

/** Starts each platform loaded; one that fails to start stops those started before it. */
export async function startPlatforms(p: LoadedPlatforms, w: Wiring): Promise<RunningPlatforms> {
  const { core, config, log, service, records, store, faults, answerLog, reports, host } = w;
  const running: RunningPlatforms = {
    stop: async () => {
      await Promise.allSettled([running.telegram?.stop(), running.slack?.stop(), running.dingtalk?.stop(), running.wecom?.stop(), running.feishu?.stop()]);
    },
  };
  try {
    if (p.tg) {
      running.telegram = await p.tg.startTelegram(core, config, log, {
        digest: p.tg.telegramDigest(service),
        host,
        onFatal: w.onFatal,
        answerLog,
        // In the store, so that a webhook update redelivered after a restart is answered once.
        seenUpdates: seenInStore(records, 'telegram', p.tg.UPDATE_MEMORY_MS, faults),
        // Several instances: a button's memo is kept in the database for any of them.
        shared: w.sharedMemos && { memos: w.sharedMemos, failed: (err) => faults.failed(BUTTON_MEMOS, err, 'buttons work on this instance only meanwhile') },
        reports,
      });
    }
    if (p.sl) {
      running.slack = await p.sl.startSlack(core, config, log, {
        digest: p.sl.slackDigest(service),
        host,
        // In the store, so that a retry arriving after a restart is still recognised.
        seenEvents: seenInStore(records, 'slack', p.sl.EVENT_MEMORY_MS, faults),
        answerLog,
        reports,
      });
    }
    // (Message ids in the store, so that a redelivery arriving after a restart is still recognised.)
    if (p.dt && p.dingtalkApi) {
      running.dingtalk = await p.dt.startDingTalk(core, config, log, { digest: p.dt.dingtalkDigest(service), api: p.dingtalkApi, host, seen: seenHere(store, 'dingtalk'), answerLog, reports });
    }
    if (p.wc && p.wecomApi) {
      running.wecom = await p.wc.startWeCom(core, config, log, { digest: p.wc.wecomDigest(service), api: p.wecomApi, host, seen: seenHere(store, 'wecom'), answerLog, reports });
    }
    if (p.fs && p.feishuApi) {
      running.feishu = await p.fs.startFeishu(core, config, log, { digest: p.fs.feishuDigest(service), api: p.feishuApi, host, seen: seenHere(store, 'feishu'), answerLog, reports });
    }
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
