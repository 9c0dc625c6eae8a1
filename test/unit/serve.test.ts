// The static file server the PDF stage, the benchmark and the browser tests load pages from: it
// serves the folder below the path prefix and nothing else — not a sibling folder whose name begins
// like it, not a path that climbs out.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveFolder, type FolderServer } from "../../scripts/lib/serve.ts";

let server: FolderServer;

/** GET with the path exactly as written (no normalisation by a URL parser). */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }));
    });
    req.on("error", reject).end();
  });
}

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), "bp-serve-"));
  await mkdir(join(parent, "site", "plan"), { recursive: true });
  await writeFile(join(parent, "site", "plan", "index.html"), "<p>plan</p>");
  await writeFile(join(parent, "site", "style.css"), "p{}");
  await mkdir(join(parent, "site-secret"));
  await writeFile(join(parent, "site-secret", "key.txt"), "secret");
  await writeFile(join(parent, "outside.txt"), "secret");
  server = await serveFolder(join(parent, "site"), "/sti/");
});
afterAll(() => server.close());

describe("serveFolder", () => {
  it("serves the folder's files below the path prefix, with their types", async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sti$/);
    expect(await get("/sti/plan/")).toMatchObject({ status: 200, body: "<p>plan</p>", type: expect.stringContaining("text/html") });
    expect(await get("/sti/style.css")).toMatchObject({ status: 200, type: expect.stringContaining("text/css") });
  });

  it.each([
    "/plan/",
    "/sti/../site-secret/key.txt",
    "/sti/%2e%2e/site-secret/key.txt",
    "/sti/..%2fsite-secret/key.txt",
    "/sti/../outside.txt",
    "/sti/%2e%2e/outside.txt",
    "/sti-secret/key.txt",
    "/sti/nothing-here",
  ])("answers %s with 404", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain("secret");
  });
});
