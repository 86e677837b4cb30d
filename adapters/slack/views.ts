/**
 * 👍/👎 (Slack's feedback buttons) recorded in the answer log; a 👎 offers the reasons, and a
 * button opens the modal for a few words, all shown to the user only.
 */
import type { AnswerLog } from '../../src/answer-log/log.js';
import type { BlockAction } from '@slack/bolt';
import { safeText } from '../../src/safe-text.js';
import { buttonValue, channelOf, ephemeral } from './actions.js';
import type { SlackContext } from './context.js';
import {
  ACTION_FEEDBACK,
  ACTION_REASON,
  ACTION_WORDS,
  VIEW_WORDS,
  decodeFeedback,
  decodeReason,
  feedbackModal,
  renderNotice,
  renderWhyDown,
} from './render.js';
import { TEXT } from './texts.js';

export function slackFeedback(ctx: SlackContext, answerLog: AnswerLog): void {
  const { app, allowed } = ctx;
  app.action<BlockAction>(ACTION_FEEDBACK, async (args) => {
    await args.ack();
    if (!allowed(channelOf(args.body))) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const given = args.action.type === 'feedback_buttons' ? decodeFeedback(args.action.value) : undefined;
    const result = given ? await answerLog.vote(given.entry, 'slack', args.body.user.id, given.vote) : 'unknown';
    if (result === 'unknown') return ephemeral(args, renderNotice(TEXT.expired));
    // Slack shows the button pressed; a 👎 (a new one, not the same again) asks what was wrong.
    if (given!.vote === 'down' && result !== 'same') await ephemeral(args, renderWhyDown(given!.entry));
  });

  app.action<BlockAction>({ action_id: ACTION_REASON }, async (args) => {
    await args.ack();
    if (!allowed(channelOf(args.body))) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const given = decodeReason(buttonValue(args));
    const result = given ? await answerLog.reason(given.entry, 'slack', args.body.user.id, given.reason) : 'unknown';
    await ephemeral(args, renderNotice(result === 'unknown' ? TEXT.expired : TEXT.reasonNoted(given!.reason)));
  });

  app.action<BlockAction>(ACTION_WORDS, async (args) => {
    await args.ack();
    const channel = channelOf(args.body);
    if (!channel || !allowed(channel)) return ephemeral(args, renderNotice(TEXT.notEnabled));
    const entry = buttonValue(args);
    if (!entry || !/^[a-z0-9]{10}$/.test(entry)) return ephemeral(args, renderNotice(TEXT.expired));
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: feedbackModal(entry, channel) });
  });

  app.view(VIEW_WORDS, async ({ ack, body, view }) => {
    await ack();
    let meta: { e?: unknown; c?: unknown } = {};
    try {
      meta = JSON.parse(view.private_metadata) as typeof meta;
    } catch {
      // not ours: nothing to record
    }
    const words = view.state.values.words?.text?.value;
    if (typeof meta.e !== 'string' || typeof meta.c !== 'string' || !allowed(meta.c) || typeof words !== 'string') return;
    await answerLog.words(meta.e, 'slack', body.user.id, safeText(words));
  });
}
