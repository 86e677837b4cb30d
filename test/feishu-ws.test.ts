/**
 * FEISHU_MODE=ws: the SDK's WSClient against the fake Feishu's /callback/ws/endpoint and its
 * WebSocket gateway on 127.0.0.1 (events as the SDK's protobuf frames). A question, a button,
 * each frame answered; a refused long connection names FEISHU_MODE. No network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from '../adapters/app.js';
import { cardText } from '../adapters/feishu/render.js';
import { loadConfig, type Config } from '../src/config.js';
import { silent } from './digest-fakes.js';
import { APP_ID, APP_SECRET, FakeFeishu } from './fakes/feishu.js';

const fake = new FakeFeishu();
const dirs: string[] = [];
beforeAll(() => fake.start());
afterAll(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(): Config {
  const dir = mkdtempSync(join(tmpdir(), 'feishu-ws-'));
  dirs.push(dir);
  return loadConfig({ FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: APP_SECRET, FEISHU_MODE: 'ws', FEISHU_API_ROOT: fake.root, DATA_DIR: dir });
}

describe('Feishu over the SDK\'s long connection', () => {
  let app: App;
  beforeAll(async () => {
    fake.reset();
    app = await startApp(config(), silent);
    await vi.waitFor(() => expect(fake.connections()).toBe(1));
  });
  afterAll(() => app.stop());

  it('connects through FEISHU_API_ROOT with the App ID and Secret', () => {
    expect(app.feishu!.mode).toBe('ws');
    expect(app.feishu!.port).toBeUndefined();
    expect(fake.of('endpoint')[0].body).toMatchObject({ AppID: APP_ID, AppSecret: APP_SECRET });
  });

  it('answers a question pushed as a frame, and a follow-up button tapped, each frame answered', async () => {
    fake.push(fake.message({ text: '6月全市用电量是多少？', user: 'ou_ws' }));
    await vi.waitFor(() => expect(fake.cards('oc_p2p_ou_ws').length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
    const first = fake.cards('oc_p2p_ou_ws');
    expect(cardText(first[0])).toContain('**52.91亿千瓦时**');
    const action = first.at(-1).elements.find((e: any) => e.tag === 'action');
    fake.push(fake.cardAction(action.actions[0].value, 'oc_p2p_ou_ws', 'ou_ws'));
    await vi.waitFor(() => expect(fake.of('create').filter((c) => c.target === 'chat:oc_p2p_ou_ws').length).toBeGreaterThan(0), { timeout: 5_000, interval: 20 });
    await vi.waitFor(() => expect(fake.answered.length).toBeGreaterThanOrEqual(2));
    expect(fake.answered.every((a) => a.code === 200)).toBe(true);
  });
});

describe('Feishu long connection refused', () => {
  it('names FEISHU_MODE in one line and leaves nothing connecting', async () => {
    fake.reset();
    fake.script('endpoint', { json: { code: 403, msg: 'forbidden', data: {} } });
    const error = await startApp(config(), silent).then(() => undefined, (e: Error) => e);
    expect(error!.message).toMatch(/^FEISHU_MODE: Feishu refused a long connection \(pullConnectConfig failed: code=403, msg=forbidden\)/);
    const calls = fake.of('endpoint').length;
    await new Promise((r) => setTimeout(r, 1_500));
    expect(fake.of('endpoint').length).toBe(calls);
    expect(fake.connections()).toBe(0);
  }, 20_000);
});
