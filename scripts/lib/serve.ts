// A built folder served over HTTP on 127.0.0.1 (an ephemeral port), below the site's path prefix,
// as it will be published: the PDF stage prints from it, the benchmark and the browser tests open it.
// sirv lists the folder's files once, at the start, and serves only those: no path can reach
// outside the folder.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface FolderServer {
  /** "http://127.0.0.1:<port>" followed by the path prefix without its last slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves the files in `root` (read when called) at `<origin>/…`; anything else is 404. */
export async function serveFolder(root: string, pathPrefix = "/"): Promise<FolderServer> {
  const prefix = pathPrefix.endsWith("/") ? pathPrefix : `${pathPrefix}/`;
  const files = sirv(root, { etag: false, dotfiles: false, extensions: ["html"] });
  const notFound = (response: ServerResponse) => {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("Ikke fundet");
  };
  const server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (!url.startsWith(prefix)) return notFound(response);
    request.url = url.slice(prefix.length - 1);
    files(request, response, () => notFound(response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}${prefix.slice(0, -1)}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
