/**
 * Builds the Bolt app with every listener registered; it is not started (start.ts starts it).
 * The app is created with deferred initialization: call `await app.init()` before `app.start()`.
 */
import { App } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Core } from '../../src/core.js';
import type { Logger } from '../../src/log.js';
import { slackActions } from './actions.js';
import { slackCommands } from './commands.js';
import { slackContext, slackErrorCode } from './context.js';
import { slackEvents } from './events.js';
import type { SlackApp, SlackOptions } from './options.js';
import { receiving } from './receiver.js';
import { slackFeedback } from './views.js';

export function createSlackApp(core: Core, config: Config, log: Logger, options: SlackOptions = {}): SlackApp {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN: required for the Slack adapter');
  const slackLog = log.child({ adapter: 'slack' });
  const { receiver, mode, logger, clientOptions } = receiving(config, slackLog, options);
  const app = new App({ token, receiver, logger, clientOptions, ignoreSelf: true, convoStore: false, deferInitialization: true });

  const ctx = slackContext(app, core, config, slackLog, options, options.answerLog);
  const { inFlight } = slackEvents(ctx); // first: its middleware counts and de-duplicates every delivery
  slackCommands(ctx);
  slackActions(ctx);
  if (options.answerLog) slackFeedback(ctx, options.answerLog);

  /* Errors: log, never stop. */
  app.error(async (error) => {
    slackLog.error({ err: error, code: error.code, slackError: slackErrorCode(error) }, 'Slack handler failed');
  });

  return { app, receiver, mode, inFlight };
}
