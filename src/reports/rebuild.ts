/**
 * The knowledge rebuilt from seeds/ and the kept reports in a child process, so that the bot
 * keeps answering while a report is read (reading a long PDF takes the CPU for seconds). The
 * child writes the knowledge directory (each file by rename, index.json last); the parent
 * then loads it whole and hands it over: no question is answered from half a build.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, scriptArgs } from '../root.js';
import { loadKnowledge, type Knowledge } from '../knowledge/load.js';

export type Rebuild = () => Promise<Knowledge>;

export interface RebuildOptions {
  /** The kept reports, read after seeds/. */
  reportsDir: string;
  /** Where the knowledge is written and loaded from. */
  knowledgeDir: string;
  /** A build that takes longer than this is stopped (default 5 minutes). */
  timeoutMs?: number;
}

/** Builds in a child process (`npm run knowledge -- --out DIR --reports DIR`) and loads the result. */
export function childRebuild(options: RebuildOptions): Rebuild {
  return () =>
    new Promise<Knowledge>((resolve, reject) => {
      // The records of reports read before are kept beside them (a dot-folder, which no listing shows).
      const cache = join(options.reportsDir, '.build-cache');
      const args = [...scriptArgs('src/cli/knowledge.ts'), '--out', options.knowledgeDir, '--reports', options.reportsDir, '--cache', cache];
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: options.timeoutMs ?? 300_000 });
      let errors = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors = (errors + chunk).slice(-2000)));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (code !== 0) {
          // The build's problem lines (file:line: message) go to stderr too: the last line says why it stopped.
          const why = errors.trim().split('\n').at(-1) ?? '';
          return reject(new Error(`the build stopped (${signal ?? `exit ${code}`})${why ? `: ${why}` : ''}`));
        }
        try {
          resolve(loadKnowledge(options.knowledgeDir));
        } catch (error) {
          reject(error);
        }
      });
    });
}
