/**
 * Where the project is, whether this runs as TypeScript (src/, through tsx: the tests) or as
 * the JavaScript compiled to dist/ at install (npm start, npm run ask: no compiling at start-up).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const compiled = import.meta.url.endsWith('.js');

function projectRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The folder holding package.json, seeds/ and knowledge/. */
export const ROOT = projectRoot();

/** The node arguments that run a script of the project, given as its TypeScript path (src/cli/knowledge.ts). */
export function scriptArgs(tsPath: string): string[] {
  // tsx by its path: the child may run in another folder (a bench's temporary one).
  return compiled ? [join(ROOT, 'dist', tsPath.replace(/\.ts$/, '.js'))] : ['--import', import.meta.resolve('tsx'), join(ROOT, tsPath)];
}
