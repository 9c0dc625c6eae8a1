// The parts of Eleventy's untyped API this project uses.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "serve" | "watch";
    config?: (eleventyConfig: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's console output, including the "Wrote … files" line quiet mode still prints. */
    disableLogger(): void;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }
  export const HtmlBasePlugin: unknown;
}

// The part of Eleventy's dev server the preview test drives directly (it serves on a free port).
declare module "@11ty/eleventy-dev-server" {
  interface DevServer {
    serve(port: number): void;
    getPort(): Promise<number>;
    close(): Promise<void>;
  }
  const EleventyDevServer: { getServer(name: string, dir: string, options: Record<string, unknown>): DevServer };
  export default EleventyDevServer;
}
