/**
 * One start for every platform whose credentials are set: WeCom and Feishu together, each
 * against its fake on 127.0.0.1, each answering and each with its digest channel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../adapters/app.js';
import { loadConfig } from '../src/config.js';
import { silent } from './digest-fakes.js';
import * as feishu from './fakes/feishu.js';
import * as wecom from './fakes/wecom.js';

const fakeWeCom = new wecom.FakeWeCom();
const fakeFeishu = new feishu.FakeFeishu();
const dir = mkdtempSync(join(tmpdir(), 'platforms-'));
beforeAll(async () => {
  await fakeWeCom.start();
  await fakeFeishu.start();
});
afterAll(async () => {
  await fakeWeCom.close();
  await fakeFeishu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('every platform whose credentials are set', () => {
  it('starts WeCom and Feishu side by side, each proving its credentials', async () => {
    const config = {
      ...loadConfig({
        WECOM_CORP_ID: wecom.CORP_ID, WECOM_AGENT_ID: wecom.AGENT_ID, WECOM_SECRET: wecom.SECRET, WECOM_TOKEN: wecom.TOKEN,
        WECOM_ENCODING_AES_KEY: wecom.AES_KEY, WECOM_API_ROOT: fakeWeCom.root,
        FEISHU_APP_ID: feishu.APP_ID, FEISHU_APP_SECRET: feishu.APP_SECRET, FEISHU_VERIFICATION_TOKEN: feishu.VERIFICATION_TOKEN,
        FEISHU_API_ROOT: fakeFeishu.root, DATA_DIR: dir,
      }),
      WECOM_PORT: 0,
      FEISHU_PORT: 0,
    };
    const app = await startApp(config, silent, { host: '127.0.0.1' });
    try {
      expect(app.platforms).toEqual(['wecom', 'feishu']);
      expect(app.wecom!.port).toBeGreaterThan(0);
      expect(app.feishu!.port).toBeGreaterThan(0);
      expect(fakeWeCom.of('gettoken')).toHaveLength(1);
      expect(fakeFeishu.of('token', 200).length).toBeGreaterThan(0);
    } finally {
      await app.stop();
    }
  });
});
