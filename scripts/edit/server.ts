// `npm run edit`'s web server, on 127.0.0.1 only: the editor page, Decap CMS from node_modules, the
// site's stylesheet and typeface for the preview, the generated configuration, the backend
// (backend.ts) and the preview/check endpoint. Nothing is loaded from anywhere else, and the
// Content-Security-Policy header makes the browser refuse anything that would be.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import nunjucks from "nunjucks";
import sirv from "sirv";
import { siteSchema } from "../content/schema.ts";
import { messages } from "../messages.ts";
import { FONT_DIR, FONT_FACES, FONT_STACK, fontFileName } from "../lib/fonts.ts";
import { readJson as readJsonFile } from "../lib/json.ts";
import { handleBackend, editablePath } from "./backend.ts";
import { checkFiles, checkWith, draftText, markKnown, problemsOnDisk, readable, readOriginal, unreadableProblems, type Draft } from "./check.ts";
import { isNewChapter, newChapter } from "./create.ts";
import { editorConfig, listContent } from "./config.ts";
import { previewHtml } from "./preview.ts";

const require = createRequire(import.meta.url);
const DECAP_DIR = join(dirname(require.resolve("decap-cms/package.json")), "dist");
const CLIENT_DIR = join(import.meta.dirname, "client");

// Decap styles its interface with inline styles (emotion), compiles its config validator (ajv,
// new Function) and runs WebAssembly; everything else: from this server only.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: about:",
  "form-action 'none'",
  "base-uri 'none'",
].join("; ");

const MAX_BODY_BYTES = 5 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("The request is too large.");
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

function send(response: ServerResponse, status: number, body: unknown, type = "application/json; charset=utf-8"): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

/** theme.css as the build writes it (templates/theme.css.njk), from the working copy's site.json. */
async function themeCss(root: string): Promise<string> {
  let site = siteSchema.parse({ municipality: "-", site_title: "-", accessibility_statement: "https://example.invalid", contact: { name: "-" } });
  try {
    const parsed = siteSchema.safeParse(readJsonFile(await readFile(join(root, "data", "site.json"), "utf8"), "data/site.json").value);
    if (parsed.success) site = parsed.data;
  } catch {
    // An unreadable site.json gives the default colours; the check messages say what is wrong.
  }
  const template = await readFile(join(root, "templates", "theme.css.njk"), "utf8");
  const fontFaces = FONT_FACES.map((face) => ({ ...face, file: fontFileName(face) }));
  return nunjucks.renderString(template, { site, fontFaces, fontStack: FONT_STACK });
}

/**
 * Whether a request comes from the editor's own page: the Host names this server (no other site's
 * address rebound to 127.0.0.1), and a write is JSON from the same origin. A JSON content type
 * makes the browser ask before a cross-site request, and this server never says yes, so a web
 * page elsewhere cannot make it save files (cross-site request forgery).
 */
export function trusted(request: IncomingMessage, origin: string): boolean {
  const port = new URL(origin).port;
  if (request.headers.host !== `127.0.0.1:${port}` && request.headers.host !== `localhost:${port}`) return false;
  if (request.method === "GET" || request.method === "HEAD") return true;
  const from = request.headers.origin;
  const sameOrigin = from === undefined || from === `http://127.0.0.1:${port}` || from === `http://localhost:${port}`;
  return sameOrigin && /^application\/json\b/.test(request.headers["content-type"] ?? "");
}

export interface EditServer {
  server: Server;
  /** "http://127.0.0.1:8090" */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts the editor for the project in `root` (the working copy it edits) on 127.0.0.1:`port`
 * (0: any free port). Only this computer can connect: the server has no login.
 */
export async function startEditServer(root: string, port: number): Promise<EditServer> {
  const headers = (response: ServerResponse) => {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
  };
  const serve = (dir: string) => sirv(dir, { dev: true, dotfiles: false, etag: true, setHeaders: headers });
  const decap = serve(DECAP_DIR);
  const client = serve(CLIENT_DIR);
  const assets = serve(join(root, "templates", "assets"));
  const fonts = serve(FONT_DIR);
  let origin = "";

  const strip = (request: IncomingMessage, prefix: string) => {
    request.url = request.url!.slice(prefix.length);
  };
  const notFound = (response: ServerResponse) => () => send(response, 404, "Ikke fundet", "text/plain; charset=utf-8");

  const server = createServer((request, response) => {
    headers(response);
    void (async () => {
      if (!trusted(request, origin)) return send(response, 403, { error: "Kun redigeringen selv må bruge serveren." });
      const url = new URL(request.url ?? "/", origin);
      const path = url.pathname;
      if (request.method === "POST" && path === "/api/v1") {
        const reply = await handleBackend(root, (await readJson(request)) as { action?: string; params?: Record<string, unknown> });
        return send(response, reply.status, reply.body);
      }
      if (request.method === "POST" && path === "/api/preview") {
        const draft = (await readJson(request)) as Draft;
        if (!editablePath(draft.path)) return send(response, 400, { error: "not an editable file" });
        if (isNewChapter(draft)) {
          const created = await newChapter(root, draft);
          if ("problem" in created) return send(response, 200, { problems: [{ file: created.path, ...created.problem }], html: "" });
          const result = await checkFiles(root, created.changes);
          return send(response, 200, { problems: markKnown(await problemsOnDisk(root), result.problems), html: await previewHtml(created.draft, result.model) });
        }
        const original = await readOriginal(root, draft.path);
        if (original !== undefined && !readable(draft.path, original)) {
          return send(response, 200, { problems: await unreadableProblems(root, draft.path, original), html: "" });
        }
        const text = await draftText(root, draft);
        const result = await checkWith(root, draft.path, text);
        return send(response, 200, { problems: markKnown(await problemsOnDisk(root), result.problems), html: await previewHtml(draft, result.model) });
      }
      if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "");
      if (path === "/") return send(response, 200, await readFile(join(CLIENT_DIR, "index.html"), "utf8"), "text/html; charset=utf-8");
      // The one message the page must show without the server: when it has stopped.
      if (path === "/edit/messages.json") return send(response, 200, { unreachable: messages.editUnreachable() });
      if (path === "/edit/config.json") return send(response, 200, editorConfig(await listContent(root), { origin }));
      if (path === "/assets/theme.css") return send(response, 200, await themeCss(root), "text/css; charset=utf-8");
      if (path.startsWith("/decap/")) return (strip(request, "/decap"), decap(request, response, notFound(response)));
      if (path.startsWith("/edit/")) return (strip(request, "/edit"), client(request, response, notFound(response)));
      if (path.startsWith("/assets/fonts/")) return (strip(request, "/assets/fonts"), fonts(request, response, notFound(response)));
      if (path.startsWith("/assets/")) return (strip(request, "/assets"), assets(request, response, notFound(response)));
      return notFound(response)();
    })().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, { error: `Serveren fejlede: ${(error as Error).message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
