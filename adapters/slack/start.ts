/**
 * Starting and stopping: auth.test, then Socket Mode's connection or HTTP's port, each within
 * the start-up deadline and a failure naming the setting at fault; stop() stops receiving and
 * waits briefly for the handlers still running.
 */
import { settingError, shownUrl, type Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import { createSlackApp } from './app.js';
import type { RunningSlack, SlackOptions } from './options.js';
import { DeadlineError, startupError, within } from './outage.js';

export async function startSlack(core: Core, config: Config, log: Logger, options: SlackOptions = {}): Promise<RunningSlack> {
  const slack = createSlackApp(core, config, log, options);
  const withinMs = options.startupMs ?? 30_000;
  const deadline = Date.now() + withinMs;
  /** A start-up step, bounded by the start-up deadline; a failure names the setting at fault. */
  const step = async <T>(stage: 'sign-in' | 'connect' | 'listen', run: () => Promise<T>): Promise<T> => {
    try {
      return await within(run(), Math.max(0, deadline - Date.now()));
    } catch (error) {
      if (error instanceof DeadlineError) {
        await slack.app.stop().catch(() => {}); // Socket Mode would go on trying to connect
        throw settingError('SLACK_API_URL', `no answer from ${shownUrl(config.SLACK_API_URL ?? 'https://slack.com/api/')} within ${withinMs / 1000} s`);
      }
      throw startupError(config, error, stage);
    }
  };
  await step('sign-in', () => slack.app.init());
  let port: number | undefined;
  if (slack.mode === 'http') {
    const server = await step('listen', () =>
      slack.app.start(options.host !== undefined ? { port: config.SLACK_PORT, host: options.host } : config.SLACK_PORT),
    );
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : config.SLACK_PORT;
    log.info({ adapter: 'slack', mode: 'http', port, path: '/slack/events' }, 'Slack adapter listening');
  } else {
    await step('connect', () => slack.app.start());
    log.info({ adapter: 'slack', mode: 'socket' }, 'Slack adapter connected (Socket Mode)');
  }
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        await slack.app.stop();
      } catch (err) {
        log.warn({ err, adapter: 'slack' }, 'Slack receiver did not stop cleanly');
      }
      const deadline = Date.now() + (options.drainMs ?? 5000);
      while (slack.inFlight() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      log.info({ adapter: 'slack' }, 'Slack adapter stopped');
    })();
    return stopped;
  };
  return { mode: slack.mode, port, stop };
}
