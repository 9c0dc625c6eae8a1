// The preview server (`npm start`, Eleventy's dev server): every request gets an answer. The dev
// server (2.x) decodes the path itself and throws for a malformed escape ("%zz") or a path that
// leads out of the output folder ("..%2f"); thrown in its async handler, that left the request
// hanging. Here the path is decoded once, an encoded slash (%2f) becomes the separator it stands
// for, and anything the server would throw on is answered 404.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EleventyConfig } from "./config.ts";

const NOT_FOUND =
  '<!doctype html><html lang="da"><meta charset="utf-8"><title>Siden findes ikke</title><h1>Siden findes ikke</h1><p><a href="/">Gå til forsiden</a></p></html>\n';

function notFound(response: ServerResponse): void {
  response.statusCode = 404;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.end(NOT_FOUND);
}

/**
 * The request path with every escape decoded once and each segment escaped again, so "%2f" is a
 * "/" between segments; undefined for a path that cannot be a page: a malformed escape, a NUL,
 * or a ".." segment (above the site).
 */
export function previewPath(url: string): string | undefined {
  const query = url.search(/[?#]/);
  const path = query < 0 ? url : url.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const segments = decoded.split(/[/\\]/);
  if (decoded.includes("\0") || segments.includes("..")) return undefined;
  return segments.map((segment) => encodeURIComponent(segment)).join("/") + (query < 0 ? "" : url.slice(query));
}

/** Connect-style middleware for Eleventy's dev server (setServerOptions({ middleware })). */
export function previewMiddleware(request: IncomingMessage, response: ServerResponse, next: () => unknown): void {
  const path = previewPath(request.url ?? "/");
  if (path === undefined) return notFound(response);
  request.url = path;
  // The dev server throwing while mapping the path to a file (at once or later): the page does not exist.
  const fail = () => {
    if (!response.headersSent) notFound(response);
  };
  try {
    const result = next();
    if (result instanceof Promise) result.catch(fail);
  } catch {
    fail();
  }
}

/** Wires the middleware into the dev server (a build ignores server options). */
export function serverPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setServerOptions({ middleware: [previewMiddleware] });
}
