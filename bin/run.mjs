#!/usr/bin/env node
/**
 * Runs a script of the project as the npm scripts do: `node bin/run.mjs src/cli/ask.ts ARGS…`.
 * The JavaScript compiled to dist/ at install (`npm ci` runs `prepare`: tsc) starts without
 * compiling anything; when a source file is newer than its compiled one (an edit since the
 * last `npm run build`), the TypeScript runs through tsx instead, so what runs is never stale.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = dirname(import.meta.dirname);
const script = process.argv[2];

/** True when every .ts under src/ and adapters/ has a compiled .js at least as new. */
function compiledIsCurrent() {
  for (const top of ['src', 'adapters']) {
    for (const file of readdirSync(join(ROOT, top), { recursive: true })) {
      if (!file.endsWith('.ts')) continue;
      const source = join(top, file);
      try {
        if (statSync(join(ROOT, 'dist', source.replace(/\.ts$/, '.js'))).mtimeMs < statSync(join(ROOT, source)).mtimeMs) return false;
      } catch {
        return false;
      }
    }
  }
  return true;
}

// The script sees its own arguments as when node runs it directly.
process.argv.splice(1, 2, join(ROOT, script));
if (compiledIsCurrent()) {
  await import(pathToFileURL(join(ROOT, 'dist', script.replace(/\.ts$/, '.js'))).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, script)).href);
}
