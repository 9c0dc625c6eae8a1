// Escaping for text that comes from content and data: everything is text unless we built it.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A CSS string literal (with its quotes) holding `text` exactly, safe inside an HTML <style>: CSSOM's
 * "serialize a string" (https://drafts.csswg.org/cssom/#serialize-a-string) — control characters
 * such as a carriage return as hex escapes, `"` and `\` escaped — and `<` escaped too, so `</style>`
 * cannot end the element.
 */
export function cssString(text: string): string {
  const escaped = [...String(text)]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code === 0) return "\uFFFD";
      if (code < 0x20 || code === 0x7f || c === "<" || c === ">") return `\\${code.toString(16)} `;
      return c === '"' || c === "\\" ? `\\${c}` : c;
    })
    .join("");
  return `"${escaped}"`;
}
