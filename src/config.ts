/**
 * Settings, read from the environment (and .env through dotenv) and validated with zod.
 * A wrong value stops start-up with one line naming the variable; .env.example documents each.
 */
import { z } from 'zod';

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
  QUESTIONS_PER_MINUTE: positiveInt(20),
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : './data')),
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
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : 'info'))
    .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
});

export type Config = z.infer<typeof schema>;

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
  const result = schema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_SIGNING_SECRET: required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)');
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
