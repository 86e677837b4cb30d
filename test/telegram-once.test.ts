/**
 * A Telegram update is answered once: the same update_id delivered again (Telegram redelivers a
 * webhook update whose response was slow or lost) is dropped, also after a restart, since the
 * ids are kept in the store. Messages from other bots are not answered.
 */
import { rmSync } from 'node:fs';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { createCore } from '../src/core.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silent, tempDir } from './digest-fakes.js';
import { chatMessage, FakeTelegram, TOKEN } from './fakes/telegram.js';

const SECRET = 'once-secret';
const CHAT = { id: 7272, type: 'private' as const, first_name: '周' };
const PERSON = { id: 7272, is_bot: false, first_name: '周' };
const GROUP = { id: -100777, type: 'supergroup' as const, title: '工作群' };
const OTHER_BOT = { id: 8888, is_bot: true, first_name: '别的机器人', username: 'other_bot' };

describe('Telegram updates answered once', () => {
  const api = new FakeTelegram();
  const knowledge = loadKnowledge();
  const dir = tempDir('telegram-once-');
  let config: Config;

  beforeAll(async () => {
    await api.start();
    config = {
      ...loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.root,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        DATA_DIR: dir,
      }),
      PORT: 0,
    };
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = () => startApp(config, silent, { makeCore: (options) => createCore(knowledge, options), host: '127.0.0.1' });
  const post = (app: App, update: Update) =>
    fetch(`http://127.0.0.1:${app.telegram!.port}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: JSON.stringify(update),
    });

  it('drops a redelivered update_id, also after a restart', async () => {
    const update = chatMessage('6月全市用电量是多少', CHAT, PERSON);
    const sentinel = chatMessage('哪些任务滞后？', CHAT, PERSON);
    const first = await start();
    try {
      await post(first, update);
      await vi.waitFor(() => expect(api.sentTo(CHAT.id)).toHaveLength(1), { timeout: 5000 });
      await post(first, update);
    } finally {
      await first.stop();
    }
    const second = await start();
    try {
      await post(second, update);
      await post(second, sentinel); // answered: so the redelivery before it had its chance
      await vi.waitFor(() => expect(api.sentTo(CHAT.id)).toHaveLength(2), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(api.sentTo(CHAT.id)).toHaveLength(2);
    } finally {
      await second.stop();
    }
  }, 30_000);

  it('does not answer other bots, and does answer a group’s anonymous admin', async () => {
    api.reset();
    const app = await start();
    try {
      const at = '@jx_report_bot ';
      const entities = [{ type: 'mention', offset: 0, length: at.length - 1 }];
      await post(app, chatMessage(`${at}6月全市用电量是多少`, GROUP, OTHER_BOT, { entities }));
      const anonymous = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
      await post(app, chatMessage(`${at}6月全市用电量是多少`, GROUP, anonymous, { entities, sender_chat: GROUP }));
      await vi.waitFor(() => expect(api.sentTo(GROUP.id)).toHaveLength(1), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(api.sentTo(GROUP.id)).toHaveLength(1);
    } finally {
      await app.stop();
    }
  }, 30_000);
});
