// One HTTP request for JSON with a time limit, retried with exponential backoff on 429, 5xx,
// time-outs and broken connections, bounded both in the number of tries and in total time.
// Failures become a SourceError whose kind the fetch turns into a Danish message; a token is never
// part of one (anything in `secrets` is cut out of response text before it is kept).

import { inspect } from "node:util";
import { fetchDetails } from "../messages.ts";

/**
 * What went wrong, for the message: 401/403, 404, 429 after the retries, 5xx, other status,
 * time-out, no connection, an answer of the wrong shape, or a table that no longer has the
 * variables, codes or measure the source map names.
 */
export type FailureKind = "auth" | "not-found" | "rate-limited" | "server" | "http" | "timeout" | "network" | "malformed" | "changed";

export class SourceError extends Error {
  readonly kind: FailureKind;
  readonly status?: number;
  /** How many requests were made. */
  readonly attempts: number;
  constructor(kind: FailureKind, message: string, options: { status?: number; attempts?: number } = {}) {
    super(message);
    this.name = "SourceError";
    this.kind = kind;
    this.status = options.status;
    this.attempts = options.attempts ?? 1;
  }
}

export interface RetryPolicy {
  /** Time limit for one request, headers and body, in ms. */
  timeoutMs: number;
  /** Retries after the first try (so at most retries + 1 requests). */
  retries: number;
  /** The first wait; each further wait doubles, up to maxDelayMs. A Retry-After header is followed up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry is started that would end after this many ms since the first try. */
  budgetMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { timeoutMs: 30_000, retries: 4, baseDelayMs: 1_000, maxDelayMs: 30_000, budgetMs: 120_000 };

export interface Transport {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Monotonic milliseconds, for the budget. */
  now: () => number;
  /** Told before each wait, for progress output. */
  onRetry?: (attempt: number, waitMs: number, reason: string) => void;
}

export const defaultTransport = (): Transport => ({
  fetch: globalThis.fetch,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => performance.now(),
});

const RETRYABLE: readonly FailureKind[] = ["rate-limited", "server", "timeout", "network"];

function kindOf(status: number): FailureKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  return "http";
}

/** Retry-After in ms: seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
function retryAfter(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Why a request could not be sent: fetch's own "fetch failed" hides the reason in `cause`. */
function reasonOf(error: Error): string {
  const inner = error.cause;
  const system = inner as { code?: unknown; hostname?: unknown } | undefined;
  const words = typeof system?.code === "string" ? fetchDetails.systemReason(system.code, typeof system.hostname === "string" ? system.hostname : undefined) : undefined;
  if (words) return `${words} (${system!.code as string})`;
  if (inner instanceof Error) return inner.message;
  return inner === undefined ? error.message : typeof inner === "string" ? inner : inspect(inner);
}

/** Text cut short for a message, with every secret replaced by "***". */
export function redact(text: string, secrets: readonly string[], max = 200): string {
  let clean = text;
  for (const secret of secrets) if (secret) clean = clean.split(secret).join("***");
  clean = clean.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * Sends the request and parses the answer as JSON (a leading byte-order mark is allowed). Throws
 * SourceError; retries as the policy says on 429, 5xx, time-outs and network errors.
 */
export async function requestJson(url: string, init: RequestInit, policy: RetryPolicy, transport: Transport, secrets: readonly string[] = []): Promise<unknown> {
  const started = transport.now();
  for (let attempt = 1; ; attempt++) {
    let failure: SourceError;
    let wait: number | undefined;
    try {
      const response = await transport.fetch(url, { ...init, signal: AbortSignal.timeout(policy.timeoutMs) });
      const text = await response.text();
      if (response.ok) {
        try {
          return JSON.parse(text.replace(/^\uFEFF/, ""));
        } catch {
          throw new SourceError("malformed", fetchDetails.notJson(redact(text, secrets, 40)), { status: response.status, attempts: attempt });
        }
      }
      failure = new SourceError(kindOf(response.status), fetchDetails.status(response.status, redact(text, secrets)), { status: response.status, attempts: attempt });
      wait = retryAfter(response.headers.get("retry-after"), Date.now());
    } catch (cause) {
      if (cause instanceof SourceError) throw cause;
      const name = (cause as Error).name;
      failure =
        name === "TimeoutError" || name === "AbortError"
          ? new SourceError("timeout", fetchDetails.noAnswer(policy.timeoutMs), { attempts: attempt })
          : new SourceError("network", fetchDetails.notReached(redact(reasonOf(cause as Error), secrets)), { attempts: attempt });
    }
    if (!RETRYABLE.includes(failure.kind) || attempt > policy.retries) throw failure;
    const delay = Math.min(policy.maxDelayMs, wait ?? policy.baseDelayMs * 2 ** (attempt - 1));
    if (transport.now() - started + delay > policy.budgetMs) throw failure;
    transport.onRetry?.(attempt, delay, failure.kind);
    await transport.sleep(delay);
  }
}
