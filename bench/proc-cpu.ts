/**
 * CPU time of processes on this machine, read from Linux's /proc (user + system, in seconds): to say
 * in a benchmark which process spent what during a phase. `cpuSnapshot()` before and after, then
 * `cpuSpent(before, after, match)` sums the growth of the matching processes alive at the end (a
 * process that exited in between is not counted: take the second snapshot before closing connections).
 */
import fs from "node:fs";
import os from "node:os";

export interface ProcCpu {
  comm: string;
  ppid: number;
  seconds: number;
}

export type CpuSnapshot = Map<number, ProcCpu>;

const TICKS = 100; // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK))

export function cpuSnapshot(): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  if (os.platform() !== "linux") return out;
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.set(Number(name), {
        comm: stat.slice(stat.indexOf("(") + 1, close),
        ppid: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // the process ended while we read
    }
  }
  return out;
}

/** The pid and every descendant of it in the snapshot. */
export function processTree(snapshot: CpuSnapshot, root: number): Set<number> {
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of snapshot) {
      if (tree.has(pid) || !tree.has(p.ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  return tree;
}

export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot, match: (pid: number, p: ProcCpu) => boolean): number {
  let s = 0;
  for (const [pid, p] of after) if (match(pid, p)) s += p.seconds - (before.get(pid)?.seconds ?? 0);
  return s;
}

export const isPostgres = (_pid: number, p: ProcCpu) => p.comm === "postgres";
