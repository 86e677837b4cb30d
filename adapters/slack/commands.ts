/**
 * Slash commands: ack() at once, then the answer through response_url — /kpi 指标 (brief),
 * /task 编号或关键词, /digest subscribe [HH:MM] | unsubscribe | now. A command's conversation is
 * its user in the channel.
 */
import type { RespondFn } from '@slack/bolt';
import { taskQuestion } from '../../src/commands.js';
import type { AskOptions } from '../../src/types.js';
import type { SlackContext } from './context.js';
import type { DigestTarget } from './options.js';
import { renderAnswer } from './render.js';
import { TEXT } from './texts.js';
import { conversationIn, digestCommand, questionFrom } from './words.js';

export function slackCommands(ctx: SlackContext): void {
  const { app, options, allowed, limiter, ask } = ctx;

  /* Slash commands: ack() at once, then the answer through response_url. */
  const answerCommand = async (
    args: { ack: (r?: { response_type: 'ephemeral'; text: string }) => Promise<void>; respond: RespondFn },
    command: { channel_id: string; user_id: string },
    question: string,
    usage: string,
    askOptions: Omit<AskOptions, 'conversation'>,
  ): Promise<void> => {
    if (!allowed(command.channel_id)) return args.ack({ response_type: 'ephemeral', text: TEXT.notEnabled });
    if (question === '') return args.ack({ response_type: 'ephemeral', text: usage });
    if (!limiter.take(command.user_id)) return args.ack({ response_type: 'ephemeral', text: TEXT.tooMany });
    await args.ack();
    const conversation = conversationIn({ channel: command.channel_id, user: command.user_id, command: true });
    const { answer, entry } = await ask(question, { platform: 'slack', conversation, user: command.user_id }, askOptions);
    const message = renderAnswer(answer, { brief: askOptions.brief, conversation, entry });
    await args.respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
  };

  app.command('/kpi', async ({ command, ack, respond }) => {
    await answerCommand({ ack, respond }, command, questionFrom(command.text), TEXT.kpiUsage, { brief: true });
  });

  app.command('/task', async ({ command, ack, respond }) => {
    await answerCommand({ ack, respond }, command, taskQuestion(questionFrom(command.text)), TEXT.taskUsage, {});
  });

  app.command('/digest', async ({ command, ack, respond }) => {
    if (!allowed(command.channel_id)) return ack({ response_type: 'ephemeral', text: TEXT.notEnabled });
    const digest = options.digest;
    if (!digest) return ack({ response_type: 'ephemeral', text: TEXT.digestSoon });
    const sub = digestCommand(questionFrom(command.text));
    if (!sub) return ack({ response_type: 'ephemeral', text: TEXT.digestUsage });
    await ack();
    const target: DigestTarget = { platform: 'slack', channel: command.channel_id, user: command.user_id };
    if (sub === 'subscribe') {
      const time = questionFrom(command.text).split(/\s+/)[1];
      const confirmation = await digest.subscribe(target, time);
      await respond({ response_type: 'ephemeral', text: confirmation || TEXT.subscribed });
    } else if (sub === 'unsubscribe') {
      const confirmation = await digest.unsubscribe(target);
      await respond({ response_type: 'ephemeral', text: confirmation || TEXT.unsubscribed });
    } else {
      const message = renderAnswer(await digest.sendNow(target), { buttons: false });
      await respond({ response_type: 'in_channel', text: message.text, blocks: message.blocks });
    }
  });
}
