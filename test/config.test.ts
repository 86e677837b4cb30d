import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { loadConfig, ConfigError, readSettings } from '../src/config.js';
import { SCHEDULE_FORMS, validateSchedule } from '../src/digest/schedule.js';

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
    [{ ANSWER_LOG_KEY: 'too-short' }, 'ANSWER_LOG_KEY'],
    [{ DATABASE_URL: 'mysql://db/bot', ANSWER_LOG_KEY: 'a-key-of-sixteen-chars' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://bot:pw@db/bot' }, 'ANSWER_LOG_KEY'],
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

describe('settings that look like a slip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function settingsWith(envFile: string, env: Record<string, string> = {}) {
    const file = join(dir, '.env');
    writeFileSync(file, envFile);
    return readSettings(env, file);
  }

  it('warns once for each stray variable and each .env line that is not KEY=VALUE, naming it, never its value', () => {
    const { config, warnings } = settingsWith(
      [
        '# a comment',
        '',
        'TELEGRAM_BOT_TOKN=123456:AAAAAAAAAAAAAAAAAAAA',
        'SLACK_BOT_TOKEN xoxb-secret-value',
        'export DIGEST_TZ=Asia/Shanghai',
        'PROT=8080',
        'NODE_OPTIONS=--max-old-space-size=512',
        'QUESTIONS_PER_MINUTE: 30',
        'DIGEST_CRON="0 8',
        '* * *"',
        'xoxb-pasted-alone',
      ].join('\n'),
      { SLACK_TOKEN: 'xoxb-1', HOME: '/root', DIGEST_TIME: '08:00', LOG_LEVEL: 'warn' },
    );
    expect(warnings).toEqual([
      `${join(dir, '.env')} line 4 is not KEY=VALUE (it starts with SLACK_BOT_TOKEN), ignored`,
      `${join(dir, '.env')} line 11 is not KEY=VALUE, ignored`,
      'TELEGRAM_BOT_TOKN (in .env) is not a setting of this bot, ignored; did you mean TELEGRAM_BOT_TOKEN?',
      'PROT (in .env) is not a setting of this bot, ignored; did you mean PORT?',
      'SLACK_TOKEN (in the environment) is not a setting of this bot, ignored',
      'DIGEST_TIME (in the environment) is not a setting of this bot, ignored',
    ]);
    expect(warnings.join('\n')).not.toContain('xoxb');
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined(); // the misspelt one does not count
    expect(config.QUESTIONS_PER_MINUTE).toBe(30);
    expect(config.DIGEST_CRON).toBe('0 8\n* * *');
    expect(config.LOG_LEVEL).toBe('warn'); // the environment wins over .env
  });

  it('a clean .env and environment give no warning', () => {
    expect(settingsWith(readFileSync('.env.example', 'utf8'), { PATH: '/bin', HOME: '/root' }).warnings).toEqual([]);
  });

  it('the DIGEST_CRON message says what the README says', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('5 fields, or 6 with seconds (`*/5 * * * * *`), or `@daily`');
    let message = '';
    try {
      validateSchedule('0 8 * *', 'Asia/Shanghai');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`DIGEST_CRON: invalid schedule "0 8 * *" (it has 4 fields); use ${SCHEDULE_FORMS}`);
    expect(SCHEDULE_FORMS).toMatch(/^5 fields .*, or 6 with seconds \(\*\/5 \* \* \* \* \*\), or @daily$/);
    expect(message).not.toMatch(/seven/);
  });
});
