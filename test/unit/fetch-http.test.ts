// Retries of the fetch's HTTP requests (scripts/fetch/http.ts) with a scripted transport: which
// answers are retried, how long it waits, that tries and total time are bounded, and that a token
// never reaches a message.
import { describe, expect, it } from "vitest";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultTransport, requestJson, SourceError, type RetryPolicy, type Transport } from "../../scripts/fetch/http.ts";

const POLICY: RetryPolicy = { timeoutMs: 1_000, retries: 4, baseDelayMs: 100, maxDelayMs: 300, budgetMs: 10_000 };

/** A transport whose fetch answers from the list (the last answer repeats) and whose clock moves only by the waits. */
function scripted(answers: (() => Response)[]) {
  let clock = 0;
  const waits: number[] = [];
  let calls = 0;
  const transport: Transport = {
    fetch: () => Promise.resolve(answers[Math.min(calls++, answers.length - 1)]!()),
    sleep: (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
  };
  return { transport, waits, calls: () => calls };
}
const answer =
  (status: number, body = "{}", headers: Record<string, string> = {}) =>
  () =>
    new Response(body, { status, headers });

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error("expected a SourceError");
}

describe("requests with retries", () => {
  it("waits longer each time, up to the cap, and stops after the last retry", async () => {
    const { transport, waits, calls } = scripted([answer(503, "nede")]);
    const error = await failure(requestJson("http://127.0.0.1/x", {}, POLICY, transport));
    expect(error.kind).toBe("server");
    expect(error.attempts).toBe(5);
    expect(calls()).toBe(5);
    expect(waits).toEqual([100, 200, 300, 300]);
  });

  it("follows Retry-After (within the cap) and succeeds when the source recovers", async () => {
    const { transport, waits } = scripted([answer(429, "{}", { "Retry-After": "0" }), answer(429, "{}", { "Retry-After": "120" }), answer(200, '\uFEFF{"ok":true}')]);
    expect(await requestJson("http://127.0.0.1/x", {}, POLICY, transport)).toEqual({ ok: true });
    expect(waits).toEqual([0, 300]);
  });

  it("gives up before a wait would pass the time budget", async () => {
    const { transport, waits } = scripted([answer(500)]);
    const error = await failure(requestJson("http://127.0.0.1/x", {}, { ...POLICY, budgetMs: 350 }, transport));
    expect(error.kind).toBe("server");
    expect(waits).toEqual([100, 200]);
  });

  it("does not retry 401, 404 or other client errors, and keeps the token out of the message", async () => {
    for (const [status, kind] of [
      [401, "auth"],
      [403, "auth"],
      [404, "not-found"],
      [400, "http"],
    ] as const) {
      const { transport, calls } = scripted([answer(status, `{"message":"nøglen hemmelig-123 er ugyldig"}`)]);
      const error = await failure(requestJson("http://127.0.0.1/x", {}, POLICY, transport, ["hemmelig-123"]));
      expect([error.kind, calls()]).toEqual([kind, 1]);
      expect(error.message).toBe(`HTTP ${status} ({"message":"nøglen *** er ugyldig"})`);
    }
  });

  it("retries a broken connection and reports its reason", async () => {
    const broken = () => {
      throw new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    };
    const { transport, calls } = scripted([broken]);
    const error = await failure(requestJson("http://127.0.0.1/x", {}, { ...POLICY, retries: 1 }, transport));
    expect([error.kind, error.message, calls()]).toEqual(["network", "connect ECONNREFUSED 127.0.0.1:9", 2]);
  });

  it("says in Danish why a real connection failed: refused, and a name that cannot be looked up", async () => {
    // A port that was just free on 127.0.0.1: nothing listens there, so the connection is refused.
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const refused = await failure(requestJson(`http://127.0.0.1:${port}/x`, {}, { ...POLICY, retries: 0 }, defaultTransport()));
    expect([refused.kind, refused.message]).toEqual(["network", "forbindelsen blev afvist (ECONNREFUSED)"]);
    // ".invalid" never resolves (RFC 2606), also without network: the lookup fails at once.
    const unknown = await failure(requestJson("http://kilde.invalid/x", {}, { ...POLICY, retries: 0 }, defaultTransport()));
    // ENOTFOUND, or EAI_AGAIN on a machine without any name server.
    expect(unknown.message).toMatch(/^navnet kilde\.invalid kunne ikke slås op/);
  });
});
