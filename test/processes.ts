/**
 * The processes a test run started, found by a marker in their environment: a child inherits
 * the environment of whoever spawned it, and keeps it when its parent dies and it is adopted by
 * init — so this also finds a bot whose `npm` wrapper was killed. Linux (/proc) only; elsewhere
 * nothing is found.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Found {
  pid: number;
  command: string;
}

/** Live processes (zombies excluded) whose environment holds NAME=VALUE, other than this one. */
export function processesMarked(name: string, value: string): Found[] {
  const wanted = `${name}=${value}`;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: Found[] = [];
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!environ.includes(wanted)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push({ pid, command: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 200) });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Waits up to `ms` for the marked processes to end; returns those still there. */
export async function leftAfter(name: string, value: string, ms: number): Promise<Found[]> {
  const end = Date.now() + ms;
  for (;;) {
    const left = processesMarked(name, value);
    if (left.length === 0 || Date.now() > end) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Kills what is left (so it does not outlive the run) and says what it was. */
export function killAndDescribe(left: Found[]): string {
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return left.map((p) => `${p.pid} ${p.command}`).join('; ');
}
