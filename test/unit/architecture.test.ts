// Imports go one way: each folder of scripts/ uses only the folders below it, so a reader who
// follows the data from content/ to dist/ never has to go back up. Checked with dependency-cruiser,
// type-only imports included; no cycle may run through more than one folder.
import { cruise, type IForbiddenRuleType, type IViolation } from "dependency-cruiser";
import { expect, it } from "vitest";
import { ROOT } from "../helpers.ts";

/**
 * The layers, lowest first. A folder may import its own files, the other folders of its layer when
 * the layer says so, and every layer below. Folders outside the list (the command-line tools:
 * bench, bundle, check, import, new, schema, prepare) may import anything, and nothing below them
 * imports them.
 */
const LAYERS: { folders: string[]; sideways: boolean }[] = [
  { folders: ["lib", "messages.ts", "limits.ts", "setup", "types"], sideways: true },
  { folders: ["content"], sideways: false },
  { folders: ["indicators"], sideways: false },
  { folders: ["charts", "compare"], sideways: false },
  { folders: ["site"], sideways: false },
  { folders: ["pdf"], sideways: false },
  { folders: ["build.ts", "publish.ts"], sideways: true },
];

const pattern = (folders: string[]) => `^scripts/(${folders.map((f) => f.replace(".", "\\.")).join("|")})(/|$)`;

function rules(): IForbiddenRuleType[] {
  const layered = LAYERS.flatMap((layer) => layer.folders);
  const forbidden: IForbiddenRuleType[] = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((l) => l.folders);
    for (const folder of layer.folders) {
      const sideways = layer.sideways ? [] : layer.folders.filter((f) => f !== folder);
      const outside = { path: "^scripts/", pathNot: pattern(layered) };
      forbidden.push({ name: `${folder}-upwards`, severity: "error", from: { path: pattern([folder]) }, to: { path: pattern([...above, ...sideways]) } });
      forbidden.push({ name: `${folder}-to-tools`, severity: "error", from: { path: pattern([folder]) }, to: outside });
    }
  });
  forbidden.push({ name: "no-cycles", severity: "error", from: { path: "^scripts/" }, to: { circular: true } });
  return forbidden;
}

it("keeps every import in scripts/ pointing down the layers, without cycles", async () => {
  const result = await cruise(["scripts"], {
    baseDir: ROOT,
    validate: true,
    ruleSet: { forbidden: rules() },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  });
  const output = result.output as { summary: { violations: IViolation[]; totalCruised: number } };
  expect(output.summary.totalCruised).toBeGreaterThan(50);
  // A cycle inside one folder is that folder's own business; cycles between folders are not.
  const folder = (path: string) => /^scripts\/([^/]+)/.exec(path)?.[1];
  const betweenFolders = (v: IViolation) => !v.cycle || v.cycle.some((c) => folder(c.name) !== folder(v.from));
  const violations = output.summary.violations
    .filter(betweenFolders)
    .map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(" → ")})` : ""}`);
  expect(violations).toEqual([]);
});
