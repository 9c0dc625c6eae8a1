// Renders charts in worker threads with a time and memory budget, so a custom Vega-Lite spec that
// would run for minutes or fill memory (a huge sequence, a pathological pattern, a giant canvas)
// stops the build with a message naming the indicator, instead of hanging it or killing the process.
// The rendering itself is specToSvg (render.ts), unchanged; this only runs it elsewhere.
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { LIMITS } from "../limits.ts";
import { specToSvg } from "./render.ts";

/** A chart that exceeded its budget: "time" (LIMITS.chartMs) or "memory" (LIMITS.chartHeapMib). */
export class ChartBudgetError extends Error {
  readonly budget: "time" | "memory";
  constructor(budget: "time" | "memory") {
    super(budget === "time" ? `rendering took more than ${LIMITS.chartMs} ms` : `rendering needed more than ${LIMITS.chartHeapMib} MiB`);
    this.name = "ChartBudgetError";
    this.budget = budget;
  }
}

type Reply = { svg: string } | { error: string };

interface Slot {
  worker: Worker;
  /** Settles when the worker has loaded Vega and listens: a chart's time budget starts then. */
  ready: Promise<void>;
  busy: boolean;
}

/**
 * A few long-lived workers (Vega loads once per worker), started on first use. render() runs one
 * spec in a free worker; a worker over budget is terminated and replaced. close() ends them all.
 */
export class ChartWorkers {
  private readonly slots: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private readonly size: number;

  constructor(size = Math.min(2, availableParallelism())) {
    this.size = size;
  }

  private spawn(): Slot {
    const worker = new Worker(new URL(import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: LIMITS.chartHeapMib } });
    worker.unref();
    // Loading Vega is not the chart's time: on a busy machine it alone can take many seconds.
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("a chart worker stopped while starting")));
    });
    ready.catch(() => {}); // a spare worker nobody uses yet; render() reports the error when it waits
    return { worker, ready, busy: false };
  }

  private async acquire(): Promise<Slot> {
    // Marked busy here, synchronously: one worker answers one spec at a time.
    const free = this.slots.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    if (this.slots.length < this.size) {
      const slot = this.spawn();
      slot.busy = true;
      this.slots.push(slot);
      return slot;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private replace(slot: Slot): Slot {
    void slot.worker.terminate();
    const fresh = this.spawn();
    fresh.busy = true;
    this.slots[this.slots.indexOf(slot)] = fresh;
    return fresh;
  }

  async render(spec: TopLevelSpec): Promise<string> {
    let slot = await this.acquire();
    const { worker } = slot;
    try {
      worker.ref(); // the process waits for a chart being drawn (an idle worker lets it exit)
      await slot.ready;
      return await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => fail(new ChartBudgetError("time")), LIMITS.chartMs);
        const done = () => {
          clearTimeout(timer);
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
        };
        const fail = (error: Error) => {
          done();
          slot = this.replace(slot);
          reject(error);
        };
        const onMessage = (reply: Reply) => {
          done();
          if ("svg" in reply) resolve(reply.svg);
          else reject(new Error(reply.error));
        };
        const onError = (error: Error & { code?: string }) => fail(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ChartBudgetError("memory") : error);
        const onExit = () => fail(new ChartBudgetError("memory"));
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        worker.postMessage(spec);
      });
    } finally {
      worker.unref();
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }
}

// In a worker: render each spec sent, answer with the SVG or the error's message.
if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", (spec: TopLevelSpec) => {
    specToSvg(spec).then(
      (svg) => port.postMessage({ svg } satisfies Reply),
      (error: unknown) => port.postMessage({ error: (error as Error).message } satisfies Reply),
    );
  });
  port.postMessage({ ready: true });
}
