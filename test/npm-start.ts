/**
 * The bot as an operator runs it, for the tests that need a real process: `npm start` (or the
 * node command behind it, in a folder without a .env) in a process group of its own, so that a
 * signal can go to the whole group as a terminal's Ctrl-C or systemd's stop sends it.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START = fileURLToPath(new URL('../adapters/start.ts', import.meta.url));
const TSX = fileURLToPath(import.meta.resolve('tsx'));

/** The environment without any of the bot's settings from the shell that runs the tests. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|SLACK_|DINGTALK_|WECOM_|FEISHU_|DIGEST_|ANSWER_|DATA_DIR$|PORT$|QUESTIONS_|LOG_LEVEL$)/.test(k)),
  );
  return { ...clean, ...env };
}

export interface Bot {
  child: ChildProcess;
  /** Standard error and output so far. */
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
  /** Sends a signal to the whole process group (npm, its shell, node). */
  signalGroup(signal: NodeJS.Signals): void;
}

export interface StartOptions {
  /** `npm start` from the project (default), or node on adapters/start.ts in `cwd`. */
  npm?: boolean;
  cwd?: string;
  stdio?: StdioOptions;
}

export function startBot(env: Record<string, string>, options: StartOptions = {}): Bot {
  const npm = options.npm ?? true;
  const child = spawn(npm ? 'npm' : process.execPath, npm ? ['start', '--silent'] : ['--import', TSX, START], {
    cwd: npm ? ROOT : options.cwd,
    env: cleanEnv(env),
    detached: true, // a process group of its own
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    stderr: () => stderr,
    stdout: () => stdout,
    exited,
    signalGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is gone already
      }
    },
  };
}

/** The exit, or after `ms` a SIGKILL to the group and 'timed out' (so no test leaves it running). */
export async function exitWithin(bot: Bot, ms: number): Promise<number | NodeJS.Signals | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  const result = await Promise.race([bot.exited, late]);
  clearTimeout(timer);
  if (result === 'timed out') {
    bot.signalGroup('SIGKILL');
    await bot.exited;
  }
  return result;
}
