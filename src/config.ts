/**
 * Settings, read from the environment and .env (env-file.ts) and validated with zod.
 * A wrong value stops start-up with one line naming the variable; a variable that looks meant
 * for the bot but is not one of its settings gets a warning; .env.example documents each.
 */
import { z } from 'zod';
import { readEnvFile } from './env-file.js';
import { keepSecretsOf } from './redact.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (fallback?: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const value = v === '' ? fallback : v;
      if (value === undefined) return undefined;
      try {
        const parsed = new URL(value);
        if (!/^https?:$/.test(parsed.protocol)) throw new Error();
        return value;
      } catch {
        ctx.addIssue({ code: 'custom', message: `not an http(s) URL: ${JSON.stringify(v)}` });
        return z.NEVER;
      }
    })
    .optional()
    .transform((v) => v ?? fallback);

/** A whole number within bounds; empty takes the fallback. */
const integer = (fallback: number, min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `not ${what}: ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return n;
    });

const port = (fallback: number) => integer(fallback, 1, 65535, 'a port number (1-65535)');
const positiveInt = (fallback: number) => integer(fallback, 1, Number.MAX_SAFE_INTEGER, 'a positive whole number');

const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const schema = z.object({
  TELEGRAM_BOT_TOKEN: optional.refine((v) => v === undefined || /^\d+:[\w-]{10,}$/.test(v), {
    message: 'does not look like a bot token from @BotFather (123456:ABC-...)',
  }),
  TELEGRAM_API_ROOT: url('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: url(),
  TELEGRAM_WEBHOOK_SECRET: optional.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'must be 1-256 characters of A-Z a-z 0-9 _ -',
  }),
  PORT: port(8080),
  TELEGRAM_ALLOWED_CHATS: idList,
  // Telegram user ids who may add reports by sending the file to the bot (src/reports/).
  TELEGRAM_OPERATORS: idList,
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must start with xoxb-',
  }),
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must start with xapp-',
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_PORT: port(3000),
  SLACK_API_URL: url('https://slack.com/api/'),
  SLACK_ALLOWED_CHANNELS: idList,
  // Slack user ids who may add reports by sending the file to the bot in a DM.
  SLACK_OPERATORS: idList,
  // DingTalk (adapters/dingtalk/): the enterprise robot's AppKey and AppSecret turn it on.
  DINGTALK_CLIENT_ID: optional.refine((v) => v === undefined || /^[\w-]{6,128}$/.test(v), {
    message: 'does not look like an AppKey (letters, digits, _ and -)',
  }),
  DINGTALK_CLIENT_SECRET: optional,
  DINGTALK_MODE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim().toLowerCase() : 'stream'))
    .pipe(z.enum(['stream', 'http'], { message: 'must be stream or http' })),
  DINGTALK_PORT: port(3100),
  DINGTALK_API_ROOT: url('https://api.dingtalk.com'),
  DINGTALK_ALLOWED_CONVERSATIONS: idList,
  DINGTALK_OPERATORS: idList,
  // WeCom (adapters/wecom/): the self-built application; WECOM_CORP_ID and WECOM_SECRET turn it on.
  WECOM_CORP_ID: optional.refine((v) => v === undefined || /^[\w-]{6,64}$/.test(v), {
    message: 'does not look like a CorpID (ww… or wx…, from 我的企业 → 企业信息)',
  }),
  WECOM_AGENT_ID: optional.refine((v) => v === undefined || /^\d{1,12}$/.test(v), {
    message: 'must be the application\'s AgentId (digits)',
  }),
  WECOM_SECRET: optional,
  WECOM_TOKEN: optional.refine((v) => v === undefined || /^[A-Za-z0-9]{1,32}$/.test(v), {
    message: 'must be 1-32 letters and digits (接收消息 → Token)',
  }),
  WECOM_ENCODING_AES_KEY: optional.refine((v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v), {
    message: 'must be 43 letters and digits (接收消息 → EncodingAESKey)',
  }),
  WECOM_PORT: port(3200),
  WECOM_API_ROOT: url('https://qyapi.weixin.qq.com'),
  WECOM_ALLOWED_USERS: idList,
  WECOM_OPERATORS: idList,
  // Feishu (adapters/feishu/): the custom app's App ID and App Secret turn it on.
  FEISHU_APP_ID: optional.refine((v) => v === undefined || /^cli_[\w]{4,64}$/.test(v), {
    message: 'does not look like an App ID (cli_…, from 凭证与基础信息)',
  }),
  FEISHU_APP_SECRET: optional,
  FEISHU_VERIFICATION_TOKEN: optional,
  FEISHU_ENCRYPT_KEY: optional,
  FEISHU_MODE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim().toLowerCase() : 'http'))
    .pipe(z.enum(['http', 'ws'], { message: 'must be http or ws' })),
  FEISHU_PORT: port(3300),
  FEISHU_API_ROOT: url('https://open.feishu.cn'),
  FEISHU_ALLOWED_CHATS: idList,
  FEISHU_OPERATORS: idList,
  QUESTIONS_PER_MINUTE: positiveInt(20),
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : './data')),
  // Where reports added from the chat are kept (default DATA_DIR/reports); the build reads it after seeds/.
  REPORTS_DIR: optional,
  // PostgreSQL instead of SQLite in DATA_DIR: several instances on one database (src/store/).
  DATABASE_URL: optional.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
  DIGEST_CRON: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : '0 8 * * *')),
  DIGEST_TZ: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : 'Asia/Shanghai'))
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'not a time zone (for example Asia/Shanghai)' },
    ),
  ANSWER_LOG: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim().toLowerCase() : 'on'))
    .pipe(z.enum(['on', 'off'], { message: 'must be on or off' })),
  ANSWER_LOG_DAYS: integer(90, 1, 3650, 'a number of days (1-3650)'),
  ANSWER_LOG_KEY: optional.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters (it keys the pseudonyms of users and conversations)',
  }),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : 'info'))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export type Config = z.infer<typeof schema>;

/** Every setting the bot reads. */
export const SETTINGS: readonly string[] = Object.keys(schema.shape);

/** A variable with one of these prefixes is meant for this bot: if it is not a setting, it is a slip. */
const PREFIXES = ['TELEGRAM_', 'SLACK_', 'DINGTALK_', 'WECOM_', 'FEISHU_', 'DIGEST_', 'QUESTIONS_', 'ANSWER_'];

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Variables that look meant for this bot but are not among its settings, one warning each:
 * names with the bot's prefixes, and — in .env, the bot's own file — names a letter or two away
 * from a setting (PROT for PORT).
 */
export function strayVariables(names: Iterable<string>, where: 'in .env' | 'in the environment'): string[] {
  const warnings: string[] = [];
  for (const name of names) {
    if (SETTINGS.includes(name)) continue;
    const closest = SETTINGS.map((s) => ({ s, d: distance(name, s) })).sort((x, y) => x.d - y.d)[0];
    const near = closest.d <= 2 || (closest.d <= 3 && name.length >= 12);
    if (!PREFIXES.some((p) => name.startsWith(p)) && !(where === 'in .env' && near)) continue;
    warnings.push(`${name} (${where}) is not a setting of this bot, ignored${near ? `; did you mean ${closest.s}?` : ''}`);
  }
  return warnings;
}

export interface Settings {
  config: Config;
  /** One line each, for the operator: stray variables, .env lines that are not KEY=VALUE. */
  warnings: string[];
}

/**
 * The settings from the environment and .env (the environment wins, as with dotenv), with
 * warnings for what looks like a slip. Throws a ConfigError for a wrong value.
 */
export function readSettings(env: Record<string, string | undefined> = process.env, envFile = '.env'): Settings {
  const file = readEnvFile(envFile);
  const warnings = [
    ...(file?.problems ?? []),
    ...strayVariables(Object.keys(file?.values ?? {}), 'in .env'),
    ...strayVariables(Object.keys(env), 'in the environment'),
  ];
  return { config: loadConfig({ ...file?.values, ...env }), warnings };
}

/**
 * A fault a person must fix before the bot can start, as one line `NAME: why`, NAME being the
 * setting at fault. `npm start` prints it as `config: NAME: why` and exits 1.
 */
export class ConfigError extends Error {}

/** `NAME: why` as a ConfigError. */
export function settingError(name: string, why: string): ConfigError {
  return new ConfigError(`${name}: ${why}`);
}

/** A URL as it may be shown: without user name and password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Reads the settings; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Masked in every line printed from now on, even when a setting is refused.
  keepSecretsOf(env as Partial<Record<string, string>>);
  const result = schema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET: required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)');
    }
    if (config.DINGTALK_CLIENT_ID && !config.DINGTALK_CLIENT_SECRET) {
      throw new ConfigError('DINGTALK_CLIENT_SECRET: required with DINGTALK_CLIENT_ID (the robot\'s AppSecret)');
    }
    if (config.DINGTALK_CLIENT_SECRET && !config.DINGTALK_CLIENT_ID) {
      throw new ConfigError('DINGTALK_CLIENT_ID: required with DINGTALK_CLIENT_SECRET (the robot\'s AppKey)');
    }
    if (config.WECOM_CORP_ID || config.WECOM_SECRET) {
      // All five or none: the token needs the first two, the callback the last three.
      for (const name of ['WECOM_CORP_ID', 'WECOM_SECRET', 'WECOM_AGENT_ID', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const) {
        if (!config[name]) throw new ConfigError(`${name}: required for WeCom (set with WECOM_CORP_ID and WECOM_SECRET)`);
      }
    }
    if (config.FEISHU_APP_ID || config.FEISHU_APP_SECRET) {
      for (const name of ['FEISHU_APP_ID', 'FEISHU_APP_SECRET'] as const) {
        if (!config[name]) throw new ConfigError(`${name}: required for Feishu (set with FEISHU_APP_ID and FEISHU_APP_SECRET)`);
      }
      // The HTTP callback is trusted only by its token (and, with an encrypt key, its signature).
      if (config.FEISHU_MODE === 'http' && !config.FEISHU_VERIFICATION_TOKEN) {
        throw new ConfigError('FEISHU_VERIFICATION_TOKEN: required for Feishu in http mode (事件与回调 → 加密策略)');
      }
    }
    // Every instance must hash a conversation alike; the key is kept out of the database it keys.
    if (config.DATABASE_URL && !config.ANSWER_LOG_KEY) {
      throw new ConfigError('ANSWER_LOG_KEY: required with DATABASE_URL (the same key on every instance, 16 characters or more)');
    }
    if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
      throw new ConfigError('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set');
    }
    return config;
  }
  const issue = result.error.issues[0];
  const name = String(issue.path[0] ?? 'configuration');
  throw new ConfigError(`${name}: ${issue.message}`);
}
