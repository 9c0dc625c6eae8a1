// Small helpers for `npm run bench`: medians, the machine, free ports and the memory of a process
// tree (Linux /proc).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * Runs `work`, and if it throws waits and tries again (at most `tries` times): other engineers edit
 * the same checkout, so a build can fail for a minute while a file is half-written.
 */
export async function retrying<T>(what: string, work: () => Promise<T>, log: (line: string) => void, tries = 4, waitMs = 30_000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries) throw error;
      log(`  ${what} failed (${(error as Error).message.split("\n")[0]}); trying again in ${waitMs / 1000} s (${attempt}/${tries - 1})`);
      await sleep(waitMs);
    }
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  os: string;
}

export function machine(chromiumPath: string): Machine {
  let chromium = "unknown";
  try {
    chromium = execFileSync(chromiumPath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // reported as unknown
  }
  let os = `${process.platform} ${process.arch}`;
  try {
    const release = execFileSync("sh", ["-c", '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: "utf8" }).trim();
    if (release) os = `${release} (${process.arch})`;
  } catch {
    // keep the platform
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    os,
  };
}

export const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Memory (bytes) of `pid` and all its descendants now, from Linux /proc: the sum of their
 * proportional set sizes (PSS: a shared page counts once in all, split between its users), and the
 * plain sum of resident sets (RSS: shared pages counted in every process, so Chromium's many
 * processes overstate it). Zeros where /proc is missing.
 */
export async function treeMemory(pid: number): Promise<{ pss: number; rss: number }> {
  let entries: string[];
  try {
    entries = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  } catch {
    return { pss: 0, rss: 0 };
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  await Promise.all(
    entries.map(async (name) => {
      try {
        const text = await readFile(`/proc/${name}/stat`, "utf8");
        // pid (comm) state ppid ... ; comm may hold spaces, so read after the last ")".
        const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(name), Number(fields[1]));
        rss.set(Number(name), Number(fields[21]) * 4096); // field 24: rss in pages
      } catch {
        // the process ended meanwhile
      }
    }),
  );
  const inTree = (candidate: number): boolean => {
    for (let p: number | undefined = candidate, depth = 0; p && depth < 64; p = parent.get(p), depth++) if (p === pid) return true;
    return false;
  };
  const members = [...rss.keys()].filter(inTree);
  const pss = await Promise.all(
    members.map(async (p) => {
      try {
        const rollup = await readFile(`/proc/${p}/smaps_rollup`, "utf8");
        const kib = /^Pss:\s+(\d+) kB/m.exec(rollup);
        return kib ? Number(kib[1]) * 1024 : rss.get(p)!;
      } catch {
        return 0;
      }
    }),
  );
  return { pss: pss.reduce((a, b) => a + b, 0), rss: members.reduce((sum, p) => sum + rss.get(p)!, 0) };
}

/** Runs a Node script in a child process, sampling the tree's memory; resolves with its stdout. */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number },
): Promise<{ stdout: string; stderr: string; code: number | null; peakPss: number; peakRss: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, [script, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peakPss = 0;
    let peakRss = 0;
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let sampling = false;
    const timer = options.sampleMs
      ? setInterval(() => {
          if (sampling || child.pid === undefined) return;
          sampling = true;
          void treeMemory(child.pid).then(({ pss, rss }) => {
            peakPss = Math.max(peakPss, pss);
            peakRss = Math.max(peakRss, rss);
            sampling = false;
          });
        }, options.sampleMs)
      : undefined;
    child.once("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearInterval(timer);
      resolve({ stdout, stderr, code, peakPss, peakRss, ms: performance.now() - started });
    });
  });
}
