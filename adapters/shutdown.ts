/**
 * The one way `npm start` stops. The first SIGTERM or SIGINT starts a drain (stop receiving,
 * let answers and digest sends in flight finish) and exits 0 when it is done — or 1 if it is
 * not done within `graceMs`. A stop signal again within `echoMs` is the echo of the first: a
 * signal to the process group (Ctrl-C, systemd) reaches node directly and again through npm,
 * which forwards what it gets. A signal after that means "now": exit 1 at once.
 */
import type { Logger } from '../src/log.js';

export const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface ShutdownOptions {
  /** The longest a drain may take (default 15 s). */
  graceMs?: number;
  /** A repeated signal within this time of the first is ignored (default 1 s). */
  echoMs?: number;
  /** Ends the process (tests replace it). */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Drains and exits with `code` (1 if the drain fails); later calls share the first one's drain. */
  stop(reason: string, code?: number): Promise<void>;
  /** Removes the signal handlers. */
  dispose(): void;
}

export function handleStops(drain: () => Promise<void>, log: Logger, options: ShutdownOptions = {}): Shutdown {
  const graceMs = options.graceMs ?? 15_000;
  const echoMs = options.echoMs ?? 1_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | undefined;
  let stoppedAt = 0;

  const stop = (reason: string, code = 0): Promise<void> =>
    (stopping ??= (async () => {
      stoppedAt = Date.now();
      log.info({ reason }, 'stopping');
      const late = setTimeout(() => {
        log.warn({ graceMs }, 'stopping took too long: exiting with work unfinished');
        exit(1);
      }, graceMs);
      try {
        await drain();
      } catch (err) {
        log.error({ err }, 'stop failed');
        code = 1;
      }
      clearTimeout(late);
      exit(code);
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) return void stop(signal);
    if (Date.now() - stoppedAt < echoMs) return log.debug({ signal }, 'repeated signal ignored (npm forwards the one it got)');
    log.warn({ signal }, 'second signal: exiting now');
    exit(1);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return {
    stop,
    dispose: () => {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    },
  };
}
