/**
 * No secret in any output. Every line the bot prints — pino's JSON lines, the plain
 * `config: …` start-up lines, the console's warnings, the CLIs' messages — goes through
 * redact(): the settings that are secrets (both tokens, the signing and webhook secrets, the
 * pseudonym key) are masked wherever they appear, as are strings shaped like a Telegram bot
 * token (123456789:AA…, the path of every Bot API URL) or a Slack token (xoxb-…, xapp-…), which
 * an API or a gateway may echo in an error.
 */
import type { Config } from './config.js';

/** A Telegram bot token (\d{6,}:[A-Za-z0-9_-]{30,}), and shorter look-alikes: a bot id, a colon (or %3A), a secret. */
const TELEGRAM_TOKEN = /(?<!\d)\d{3,}(?::|%3A)[\w-]{10,}/gi;
/** Slack tokens: xoxb- (bot), xoxp- (user), xoxa-, xoxr-, xoxe-, xoxs-, and xapp- (app-level). */
const SLACK_TOKEN = /\bx(?:ox[a-z]|app)-[\w-]+/g;

const MASK = '[token]';
const SECRET_MASK = MASK; // one mask: the tests and readers of old logs know it

/** Settings that are secrets. */
export const SECRET_SETTINGS = [
  'DATABASE_URL', // its password
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DINGTALK_CLIENT_SECRET',
  'WECOM_SECRET',
  'WECOM_TOKEN',
  'WECOM_ENCODING_AES_KEY',
  'FEISHU_APP_SECRET',
  'FEISHU_VERIFICATION_TOKEN',
  'FEISHU_ENCRYPT_KEY',
  'ANSWER_LOG_KEY',
] as const;

/** Shorter than this, a secret would mask ordinary words; the shapes above still apply. */
const MIN_SECRET = 8;

const secrets = new Set<string>();

/** Masks these values in every line from now on (the settings read at start-up). */
export function keepSecret(...values: (string | undefined)[]): void {
  for (const value of values) {
    if (!value || value.length < MIN_SECRET) continue;
    secrets.add(value);
    secrets.add(encodeURIComponent(value)); // as a URL or a form carries it
  }
}

/** Masks the secrets among a config's settings from now on. */
export function keepSecretsOf(config: Partial<Pick<Config, (typeof SECRET_SETTINGS)[number]>>): void {
  keepSecret(...SECRET_SETTINGS.map((name) => config[name]));
}

/** The text with every secret and token-shaped string masked. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(SECRET_MASK);
  return out.replace(TELEGRAM_TOKEN, MASK).replace(SLACK_TOKEN, MASK);
}

/** A plain line on standard error, redacted; a reader that went away is not an error. */
export function printLine(line: string): void {
  try {
    process.stderr.write(`${redact(line)}\n`);
  } catch {
    // standard error closed: nobody to tell
  }
}
