// A server child's CPU time and peak memory, read from /proc (Linux only): what a user pays
// besides waiting, and the same reading for Kubewise and the peer.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User plus system CPU time of `pid` so far, in milliseconds (the clock tick is 10 ms here). */
export function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5), utime and stime; fields[0] is field 3.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The peak resident set size of `pid` (VmHWM), in MB. */
export function peakMemoryMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * Waits until the process's CPU time stops growing (two readings 50 ms apart, twice in a row),
 * so work a server does after publishing (re-indexing, its own caches) counts for the edit.
 */
export async function cpuWhenSettled(pid, maxWaitMs = 3_000) {
  const deadline = Date.now() + maxWaitMs;
  let last = cpuMs(pid);
  let steady = 0;
  while (steady < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = cpuMs(pid);
    steady = now === last ? steady + 1 : 0;
    last = now;
  }
  return last;
}
