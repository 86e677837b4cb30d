/**
 * The core answered once before the bot receives anything. The first question after a start
 * takes about half a second more than any later one (the spelling vocabulary and other tables
 * are built on first use, and the code is compiled): in a burst of Slack mentions every answer
 * queued behind it waited for it, so the first answers of a burst came seconds after the rest.
 * No conversation is named, so nothing is remembered and nothing is logged.
 */
import type { Core } from './core.js';

/** One question of each kind the tables behind it are built for. */
const QUESTIONS = ['6月全市用电量是多少', '哪些任务滞后', '市科技局牵头的任务进展如何', '2020年GDP目标是多少', '宁波GDP多少'];

/** Answers the warm-up questions; returns how long it took (ms). Never throws. */
export function warmUp(core: Core): number {
  const started = performance.now();
  for (const question of QUESTIONS) {
    try {
      core.ask(question);
    } catch {
      // the core answers its own faults; a warm-up never stops a start
    }
  }
  return Math.round(performance.now() - started);
}
