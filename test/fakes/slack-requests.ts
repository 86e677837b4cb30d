/**
 * Requests to the Slack adapter as Slack sends them: events, slash commands and button
 * presses, signed with the test signing secret, to the Bolt app's HTTP receiver on 127.0.0.1;
 * and the settings that point the adapter at a FakeSlack.
 */
import { createHmac } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import type { FakeSlack } from './slack.js';

export const SECRET = 'test-signing-secret';

export async function waitFor<T>(get: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function sign(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export async function send(port: number, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

let seq = 0;
export function eventBody(event: Record<string, unknown>, eventId = `Ev${++seq}`): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    event,
  });
}
export const sendEvent = (port: number, event: Record<string, unknown>, eventId?: string, options?: SendOptions) =>
  send(port, eventBody(event, eventId), 'application/json', options);

export function sendForm(port: number, fields: Record<string, string>, options?: SendOptions) {
  return send(port, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

export const ts = () => `17000${String(++seq).padStart(5, '0')}.000100`;

export function commandFields(fake: FakeSlack, command: string, text: string, channel = 'C1', id = `r${++seq}`) {
  return {
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: channel,
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'official',
    command,
    text,
    api_app_id: 'A1',
    response_url: `${fake.root}/respond/${id}`,
    trigger_id: 'trigger',
  };
}

/** Who presses, and what kind of element (a button, Slack's feedback_buttons). */
export interface ActionOptions {
  user?: string;
  type?: 'button' | 'feedback_buttons';
}

export function actionFields(
  fake: FakeSlack,
  actionId: string,
  value: string,
  channel = 'C1',
  threadTs?: string,
  id = `a${++seq}`,
  options: ActionOptions = {},
) {
  const messageTs = ts();
  return {
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: options.user ?? 'U1', username: 'official', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false },
      trigger_id: 'trigger',
      team: { id: 'T1', domain: 'test' },
      channel: { id: channel, name: 'general' },
      message: { type: 'message', user: 'UBOT', ts: messageTs, ...(threadTs ? { thread_ts: threadTs } : {}), text: 'answer' },
      response_url: `${fake.root}/respond/${id}`,
      actions: [
        { type: options.type ?? 'button', action_id: actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value, action_ts: '1' },
      ],
    }),
  };
}

/** A modal submitted (view_submission) with the given input values, by block and action id. */
export function viewFields(callbackId: string, privateMetadata: string, values: Record<string, Record<string, string>>, user = 'U1') {
  const state = Object.fromEntries(
    Object.entries(values).map(([block, inputs]) => [
      block,
      Object.fromEntries(Object.entries(inputs).map(([action, value]) => [action, { type: 'plain_text_input', value }])),
    ]),
  );
  return {
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T1', domain: 'test' },
      user: { id: user, username: 'official', name: 'official', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: 'trigger',
      view: {
        id: 'V1',
        team_id: 'T1',
        type: 'modal',
        callback_id: callbackId,
        private_metadata: privateMetadata,
        state: { values: state },
        hash: 'h',
        blocks: [],
        title: { type: 'plain_text', text: '意见' },
        app_id: 'A1',
        bot_id: 'BBOT',
      },
    }),
  };
}

export const blocksText = (blocks: any[]): string => JSON.stringify(blocks);

export function testConfig(fake: FakeSlack, env: Record<string, string> = {}): Config {
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `${fake.root}/api/`,
    ...env,
  });
  return { ...config, SLACK_PORT: 0 };
}

export const fastRetry = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20, randomize: false };
