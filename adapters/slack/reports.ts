/**
 * Reports sent to the app in a DM (src/reports/desk.ts): a shared file is looked up with
 * files.info and downloaded from its url_private with the bot token, then handed to the desk;
 * its buttons come back as `report_N` actions, a DM 地区=… / 年份=… as a correction, /reports
 * as the list. SLACK_OPERATORS names the operators. The desk decides; this only translates.
 */
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import type { DeskReply, ReportDesk, Sender } from '../../src/reports/desk.js';

type Client = AllMiddlewareArgs['client'];

/** Slack's section text holds up to 3000 characters. */
const MAX_TEXT = 2900;

/** The reply as Slack blocks: the text as it is (never mrkdwn: names and quotes are shown verbatim) and its buttons. */
function blocksOf(reply: DeskReply) {
  const text = reply.text.length > MAX_TEXT ? `${reply.text.slice(0, MAX_TEXT - 1)}…` : reply.text;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'plain_text', text, emoji: false } },
      ...(reply.buttons?.length
        ? [{ type: 'actions', elements: reply.buttons.map((b, i) => ({ type: 'button', action_id: `report_${i}`, text: { type: 'plain_text', text: b.label }, value: b.action })) }]
        : []),
    ],
  };
}

const post = (client: Client, channel: string, reply: DeskReply) =>
  client.chat.postMessage({ channel, ...blocksOf(reply), unfurl_links: false, unfurl_media: false });

/** The bot token goes only to Slack's own hosts (or the API host the settings name). */
function trustedUrl(url: string, config: Config): boolean {
  try {
    const host = new URL(url).host;
    return host === 'files.slack.com' || host.endsWith('.slack.com') || host === new URL(config.SLACK_API_URL ?? 'https://slack.com/api/').host;
  } catch {
    return false;
  }
}

export interface SlackReports {
  /** A DM's text: true when it was a correction the desk took (then it is not a question). */
  correction(client: Client, channel: string, user: string | undefined, text: string): Promise<boolean>;
}

export function slackReports(app: App, desk: ReportDesk, config: Config, log: Logger): SlackReports {
  const operators = new Set(config.SLACK_OPERATORS);
  const senderOf = (user: string | undefined): Sender => ({ user: `slack:${user}`, operator: user !== undefined && operators.has(user) });

  app.message(async ({ message, client }) => {
    if (message.subtype !== 'file_share' || message.channel_type !== 'im') return;
    const shared = message.files?.[0];
    if (!shared?.id) return;
    const sender = senderOf(message.user);
    let file = shared;
    // A file shared in an event may come without its URL and size (file_access: check_file_info).
    if (sender.operator && (!file.url_private || file.size === undefined)) {
      try {
        file = ((await client.files.info({ file: shared.id })).file as typeof shared | undefined) ?? shared;
      } catch (err) {
        log.warn({ err, adapter: 'slack' }, 'reports: files.info failed');
      }
    }
    const download = async () => {
      const url = file.url_private_download ?? file.url_private;
      if (!url || !trustedUrl(url, config)) throw new Error(`not a Slack file URL: ${url}`);
      const response = await fetch(url, { headers: { authorization: `Bearer ${config.SLACK_BOT_TOKEN}` }, signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new Error(`file download: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    };
    await post(client, message.channel, await desk.receive(sender, { name: file.name ?? undefined, size: file.size, download }));
  });

  app.action<BlockAction>(/^report_\d+$/, async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const value = args.action.type === 'button' ? args.action.value : undefined;
    const channel = args.body.channel?.id ?? args.body.container?.channel_id;
    if (!value || !channel) return;
    await post(args.client, channel, await desk.act(senderOf(args.body.user.id), value));
  });

  app.command('/reports', async ({ command, ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', ...blocksOf(desk.list(senderOf(command.user_id))) });
  });

  return {
    async correction(client, channel, user, text) {
      const reply = await desk.correct(senderOf(user), text);
      if (reply) await post(client, channel, reply);
      return reply !== undefined;
    },
  };
}
