import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { loadConfig, ConfigError } from '../src/config.js';

describe('settings', () => {
  it('.env.example as it stands gives a working configuration with no platform', () => {
    const config = loadConfig(parse(readFileSync('.env.example', 'utf8')));
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
    expect(config.DIGEST_CRON).toBe('0 8 * * *');
  });

  it('documents every variable the code reads', () => {
    const example = readFileSync('.env.example', 'utf8');
    const code = ['src/config.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const names = [...code.matchAll(/^\s{2}([A-Z][A-Z_]+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  for (const [env, variable] of [
    [{ TELEGRAM_BOT_TOKEN: 'nonsense' }, 'TELEGRAM_BOT_TOKEN'],
    [{ TELEGRAM_API_ROOT: 'ftp://x' }, 'TELEGRAM_API_ROOT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'abc' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ DIGEST_TZ: 'Mars/Base' }, 'DIGEST_TZ'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ] as const) {
    it(`a wrong ${variable} stops with one line naming it`, () => {
      let error: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message.startsWith(`${variable}:`)).toBe(true);
      expect(message).not.toContain('\n');
    });
  }
});
