// What a custom Vega-Lite spec (an indicator's chart.spec) may ask for, checked before anything is
// rendered: no generated data (a sequence transform, impute over a generated range), no regular
// expressions (a pathological pattern runs for minutes), no links (href), and no
// canvas or band larger than LIMITS.chartPixels. The worker's time and memory budget (worker.ts)
// catches whatever else is costly.
import { LIMITS } from "../limits.ts";

/** Transforms that make data instead of working on the indicator's own. */
const GENERATING = ["sequence", "density", "loess", "regression", "quantile"];
/** Channels that link: a click target (data addresses, "url", are refused by validate.ts). */
const LINKING = ["href"];
/** A call of Vega's regular-expression functions, or a /pattern/ literal after an operator. */
const REGEX = /\b(regexp|test|match)\s*\(|(^|[(,=!&|?:]\s*)\/[^/*\s]/;

/**
 * The parts of `spec` that are not allowed, as short Danish descriptions with their JSON path
 * ("transform[0].sequence: …"); empty when the spec may be rendered.
 */
export function specProblems(spec: unknown): { path: string; what: string }[] {
  const found: { path: string; what: string }[] = [];
  const visit = (value: unknown, path: string, key: string): void => {
    if (typeof value === "string") {
      if (REGEX.test(value)) found.push({ path, what: "regulære udtryk (regexp, test, /…/)" });
      return;
    }
    if (typeof value === "number") {
      const size = key === "width" || key === "height" || key === "step";
      if (size && !(value <= LIMITS.chartPixels)) found.push({ path, what: `en størrelse over ${LIMITS.chartPixels} px (${value})` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`, key));
      return;
    }
    if (value && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) {
        const at = path ? `${path}.${name}` : name;
        if (GENERATING.includes(name) && key === "transform") found.push({ path: at, what: `transformen ${name}, som laver sine egne data` });
        else if (name === "keyvals" && inner && typeof inner === "object" && !Array.isArray(inner)) found.push({ path: at, what: "impute over et udregnet interval" });
        else if (LINKING.includes(name)) found.push({ path: at, what: `${name}, som linker eller henter noget` });
        else visit(inner, at, name);
      }
    }
  };
  visit(spec, "", "");
  return found;
}
