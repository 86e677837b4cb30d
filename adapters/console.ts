/**
 * The console chat, for `npm start` without any platform token: each line is a question to the
 * core, the answer's text is printed. Commands: /help, /sources, /lagging, /digest, /more or
 * 更多 (the next page of the last list), /quit. End of input (Ctrl-D, or the end of a pipe) exits.
 * The session is one conversation: a follow-up (那1-6月呢, 谁牵头) takes what it leaves out
 * from the question before, and an answer lists the likely next questions.
 * Works with stdin not a TTY too: every line is answered, and no prompt is printed. Escape
 * sequences and invisible controls are taken out of what is typed and what is printed.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AnswerLog } from '../src/answer-log/log.js';
import { asking } from '../src/asking.js';
import type { Core } from '../src/core.js';
import { safeText } from '../src/safe-text.js';
import type { Answer } from '../src/types.js';

export const PROMPT = '问：';

export const CONSOLE_TEXT = {
  welcome: '嘉兴报告助手（控制台）。直接输入问题，例如：6月全市用电量是多少？  /help 帮助  /quit 退出',
  commands: '命令：/help 帮助  /sources 资料来源  /lagging 滞后任务  /digest 今日简报  /more 更多  /quit 退出',
  unknown: '未知命令。输入 /help 查看可用的命令。',
  noMore: '没有更多了。',
  more: (total: number, next: number) => `（共${total}项，已显示${next}项，输入 更多 或 /more 查看更多）`,
  followUps: (questions: string[]) => `（接着可以问：${questions.join(' · ')}）`,
  bye: '再见。',
} as const;

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** The current daily digest (/digest); without it /digest says it is unavailable. */
  digest?: () => Answer | Promise<Answer>;
  /** Print the prompt (default: when input is a TTY). */
  prompt?: boolean;
  /** Where the questions are logged (the bot's answer log), if anywhere. */
  answerLog?: AnswerLog;
}

export interface ConsoleChat {
  /** Resolves when the chat ends (/quit, end of input, or close()). */
  done: Promise<void>;
  close(): void;
}

export function startConsole(core: Core, options: ConsoleOptions = {}): ConsoleChat {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const tty = Boolean((input as { isTTY?: boolean }).isTTY);
  const showPrompt = options.prompt ?? tty;
  const rl = createInterface({ input, output: showPrompt ? output : undefined, terminal: tty, prompt: PROMPT });
  const print = (text: string) => output.write(`${safeText(text)}\n`);
  let last: { question: string; next: number; lagging: boolean } | undefined;
  const ask = asking(core, options.answerLog);
  const who = { platform: 'console' as const, conversation: `console:${randomUUID()}` };

  const show = (answer: Answer, question: string, lagging = false) => {
    print(answer.text);
    if (answer.followUps?.length) print(CONSOLE_TEXT.followUps(answer.followUps.map((f) => f.question)));
    if (answer.more && answer.more.next < answer.more.total) {
      last = { question, next: answer.more.next, lagging };
      print(CONSOLE_TEXT.more(answer.more.total, answer.more.next));
    } else {
      last = undefined;
    }
  };

  const handle = async (line: string): Promise<boolean> => {
    const text = safeText(line).trim();
    if (!text) return true;
    // 更多 is what answers tell a reader to type (the chat platforms have a button for it).
    const command = /^更多[。.!！]?$/.test(text) ? 'more' : /^\/(\w+)/.exec(text)?.[1]?.toLowerCase();
    switch (command) {
      case undefined:
        show((await ask(text, who)).answer, text);
        return true;
      case 'quit':
      case 'exit':
        return false;
      case 'help':
      case 'start':
        print(core.help().text);
        print(CONSOLE_TEXT.commands);
        return true;
      case 'sources':
        print(core.sources().text);
        return true;
      case 'lagging':
        show(core.lagging(), '', true);
        return true;
      case 'digest':
        print(options.digest ? (await options.digest()).text : '每日简报暂不可用。');
        return true;
      case 'more':
        if (!last) print(CONSOLE_TEXT.noMore);
        else if (last.lagging) show(core.lagging({ offset: last.next }), '', true);
        else show((await ask(last.question, who, { offset: last.next })).answer, last.question);
        return true;
      default:
        print(CONSOLE_TEXT.unknown);
        return true;
    }
  };

  const done = new Promise<void>((resolve) => {
    let closed = false;
    // One line at a time, in order: a store across processes answers asynchronously.
    let turns = Promise.resolve();
    rl.on('line', (line) => {
      turns = turns.then(async () => {
        if (closed) return; // lines already read after /quit
        let goOn = true;
        try {
          goOn = await handle(line);
        } catch (error) {
          print(`出错了：${(error as Error).message.split('\n')[0]}`);
        }
        if (!goOn) {
          closed = true;
          rl.close();
        } else if (showPrompt) rl.prompt();
      });
    });
    rl.on('close', () => {
      void turns.then(() => {
        if (tty) print(CONSOLE_TEXT.bye);
        resolve();
      });
    });
  });

  if (tty) print(CONSOLE_TEXT.welcome);
  if (showPrompt) rl.prompt();
  return { done, close: () => rl.close() };
}
