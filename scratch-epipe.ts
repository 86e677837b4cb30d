import { createLogger } from './src/log.js';
import { appendFileSync } from 'node:fs';
const log = createLogger('info');
log.info('hello');
const note = (s: string) => appendFileSync('/tmp/scratch/note.txt', s + '\n');
process.on('SIGTERM', () => { note('sigterm'); log.info('stopping'); note('logged1'); log.info('stopped'); note('logged2'); process.exit(0); });
process.on('exit', () => note('exit event'));
setInterval(() => {}, 1000);
