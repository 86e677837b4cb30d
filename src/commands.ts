/**
 * What the chat commands ask, the same on every platform: adapters turn a command into one
 * of these questions and hand it to the core.
 */

/** /task 5, /task 第５项 → 第5项任务; a keyword (/task 数字经济) is asked as written. */
export function taskQuestion(argument: string): string {
  const arg = argument.normalize('NFKC').trim();
  const n = /^第?\s*(\d{1,4})\s*(?:项(?:任务)?)?$/.exec(arg);
  return n ? `第${Number(n[1])}项任务` : arg;
}
