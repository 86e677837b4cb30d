/**
 * Feedback in Slack: its own 👍/👎 buttons for an answer in the log, the reasons offered after a
 * 👎 (to the user only), and the modal for a few words.
 */
import type { types } from '@slack/bolt';
import { REASONS } from '../../src/answer-log/log.js';
import { ACTION_FEEDBACK, ACTION_WORDS, VIEW_WORDS } from './ids.js';
import type { SlackMessage } from './render.js';

type KnownBlock = types.KnownBlock;

/** Slack's own 👍/👎 for an answer in the log. */
export function feedbackBlock(entry: string): KnownBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION_FEEDBACK,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: `up:${entry}`, accessibility_label: '回答有用' },
        negative_button: { text: { type: 'plain_text', text: '👎' }, value: `down:${entry}`, accessibility_label: '回答有问题' },
      },
    ],
  };
}

/** A feedback button's value: the vote and the entry; undefined when it is not one of ours. */
export function decodeFeedback(value: string | undefined): { vote: 'up' | 'down'; entry: string } | undefined {
  const match = /^(up|down):([a-z0-9]{10})$/.exec(value ?? '');
  return match ? { vote: match[1] as 'up' | 'down', entry: match[2] } : undefined;
}

/** After a 👎, to the user only: the reasons as buttons, and a button for a few words. */
export function renderWhyDown(entry: string): SlackMessage {
  const text = '哪里不对？可以选一个或几个原因，也可以写几句。';
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        elements: [
          ...REASONS.map((reason, i): types.Button => ({
            type: 'button',
            action_id: `feedback_reason_${i}`,
            text: { type: 'plain_text', text: reason },
            value: `${entry}:${i}`,
          })),
          { type: 'button', action_id: ACTION_WORDS, text: { type: 'plain_text', text: '写几句' }, value: entry },
        ],
      },
    ],
  };
}

/** A reason button's value; undefined when it is not one of ours. */
export function decodeReason(value: string | undefined): { entry: string; reason: (typeof REASONS)[number] } | undefined {
  const match = /^([a-z0-9]{10}):(\d)$/.exec(value ?? '');
  const reason = match ? REASONS[Number(match[2])] : undefined;
  return match && reason ? { entry: match[1], reason } : undefined;
}

/** The modal for a few words with a 👎; `metadata` says which answer and where (for the allowlist). */
export function feedbackModal(entry: string, channel: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW_WORDS,
    private_metadata: JSON.stringify({ e: entry, c: channel }),
    title: { type: 'plain_text', text: '意见' },
    submit: { type: 'plain_text', text: '提交' },
    close: { type: 'plain_text', text: '取消' },
    blocks: [
      {
        type: 'input',
        block_id: 'words',
        label: { type: 'plain_text', text: '这个回答哪里不对？' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 500 },
      },
    ],
  };
}
