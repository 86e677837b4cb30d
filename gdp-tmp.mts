import { createCore } from './src/core.js';
import { memoryContexts } from './src/conversation.js';
import { realdocsKnowledge } from './test/realdocs-knowledge.js';
const knowledge = await realdocsKnowledge();
const core = createCore(knowledge, { contexts: memoryContexts(), now: () => new Date('2026-11-23T09:00:00+08:00') });
const a = core.ask('GDP'); console.log(a.text.split('\n').slice(0,9).join('\n')); console.log(JSON.stringify(a.chart?.categories));
