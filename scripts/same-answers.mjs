#!/usr/bin/env node
// Run by hand around a change that must not change answers (speed work, refactoring):
//
//   node scripts/same-answers.mjs --save /tmp/answers.json     before the change
//   node scripts/same-answers.mjs --check /tmp/answers.json    after it: lists every answer that differs
//
// It asks every question of the project's sets (test/eval/*.jsonl) and the shared ones
// (../shared/eval/*.jsonl) through `npm run --silent ask -- --json`, conversations as chats,
// and keeps each whole JSON answer (text, kind, records, sources). --cmd "COMMAND" asks another way.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const save = flag('--save');
const check = flag('--check');
const cmd = flag('--cmd') ?? 'npm run --silent ask -- --json';
if (!save === !check) {
  console.error('usage: node scripts/same-answers.mjs --save FILE | --check FILE [--cmd "COMMAND"]');
  process.exit(2);
}

const jsonl = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)) : []);
const sets = [...jsonl(join(root, 'test', 'eval')), ...jsonl(join(root, '..', 'shared', 'eval'))];

/** Every line a set writes to `ask --json`, as score.mjs writes them. */
function linesOf(file) {
  const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return cases.flatMap((c, n) =>
    Array.isArray(c.turns) ? c.turns.map((q) => JSON.stringify({ q, chat: `${c.id ?? 'case'}-${n}` })) : [JSON.stringify({ q: c.q })],
  );
}

const answers = {};
for (const file of sets) {
  const lines = linesOf(file);
  const run = spawnSync('sh', ['-c', cmd], { cwd: root, input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) {
    console.error(`${file}: ${cmd} failed\n${run.stderr}`);
    process.exit(2);
  }
  const out = run.stdout.split('\n').filter((l) => l.trim());
  if (out.length !== lines.length) {
    console.error(`${file}: ${lines.length} questions, ${out.length} answers`);
    process.exit(2);
  }
  answers[file.slice(file.lastIndexOf('/eval/') + 1)] = lines.map((q, i) => ({ q, a: out[i] }));
}

if (save) {
  writeFileSync(save, JSON.stringify(answers));
  console.log(`${Object.values(answers).flat().length} answers of ${sets.length} sets saved to ${save}`);
} else {
  const before = JSON.parse(readFileSync(check, 'utf8'));
  let differ = 0;
  let total = 0;
  for (const [set, list] of Object.entries(answers)) {
    const old = before[set] ?? [];
    list.forEach(({ q, a }, i) => {
      total++;
      if (old[i]?.q === q && old[i]?.a === a) return;
      differ++;
      console.log(`DIFFERS ${set} ${q}\n  before: ${old[i]?.a?.slice(0, 300)}\n  after:  ${a.slice(0, 300)}`);
    });
  }
  console.log(`${total} answers, ${differ} differ`);
  process.exit(differ ? 1 : 0);
}
