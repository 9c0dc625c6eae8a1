// The part of jsdom's API this project uses: a window for DOMPurify to sanitise SVG in Node.
declare module "jsdom" {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
