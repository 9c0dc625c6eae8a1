// The preview (`npm start`, Eleventy's dev server) answers every path: an encoded slash (%2f) is the
// separator it stands for, and a malformed escape or a path above the site ("..%2f") is a 404 with
// a Danish page. Before, the dev server threw inside its request handler and the request hung.
// The server is Eleventy's own (@11ty/eleventy-dev-server), with the options our site config sets,
// serving a built fixture on 127.0.0.1 at a free port.
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverPlugin } from "../../scripts/site/eleventy/server.ts";
import type { EleventyConfig } from "../../scripts/site/plugin.ts";
import { buildFixture, fixture } from "../helpers.ts";

let out: string;
let base: string;
let server: { serve(port: number): void; getPort(): Promise<number>; close(): Promise<void> };

beforeAll(async () => {
  ({ out } = await buildFixture(fixture("minimal"), { pdf: false }));
  // The options the site's Eleventy config gives the dev server.
  let options: Record<string, unknown> = {};
  serverPlugin({ setServerOptions: (given: Record<string, unknown>) => (options = given) } as unknown as EleventyConfig);
  const quiet = { log() {}, info() {}, error() {}, forceLog() {} };
  server = EleventyDevServer.getServer("forhåndsvisning", out, { ...options, liveReload: false, domDiff: false, logger: quiet });
  const port = server.getPort();
  server.serve(0);
  base = `http://127.0.0.1:${await port}`;
});

afterAll(async () => {
  await server?.close();
  if (out) await rm(join(out, ".."), { recursive: true, force: true });
});

/** Status, redirect and body of `path`; a request unanswered after 20 s counts as hanging (a local server answers in milliseconds). */
async function get(path: string): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(base + path, { redirect: "manual", signal: AbortSignal.timeout(20_000) });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

describe("the preview answers every path", () => {
  it("an encoded slash is a slash: /plan%2f2030/ is the plan's page", async () => {
    const plain = await get("/plan/2030/");
    expect(plain.status).toBe(200);
    for (const path of ["/plan%2f2030/", "/plan%2F2030/", "/plan/2030%2f"]) {
      const encoded = await get(path);
      if (encoded.status === 301) expect(encoded.location, path).toBe("/plan/2030/");
      else expect(encoded, path).toMatchObject({ status: 200, body: plain.body });
    }
  });

  it.each(["/..%2f..%2fetc%2fpasswd", "/plan%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/%zz", "/plan/%E0%A4%A", "/a%00b/"])(
    "%s: 404 with a Danish page, never a hang",
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.body).toContain("Siden findes ikke");
      expect(answer.body).not.toContain("root:");
    },
  );

  it("a page that does not exist is still a 404, and the server goes on answering", async () => {
    expect((await get("/findes-ikke%2fheller-ikke/")).status).toBe(404);
    expect((await get("/")).status).toBe(200);
  });
});
