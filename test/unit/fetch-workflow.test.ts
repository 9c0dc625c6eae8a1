// The example scheduled job (docs/examples/fetch-quarterly.yml) as a CI service would read it: it
// fetches once a quarter with the key from a secret, stops when a series fails, and proposes the
// changed data files as a pull request for review; it never builds or publishes.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../helpers.ts";

interface Step {
  name?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: { schedule: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

describe("the example scheduled fetch", () => {
  it("fetches each quarter and proposes the changes for review instead of publishing them", async () => {
    const workflow = parse(await readFile(join(ROOT, "docs/examples/fetch-quarterly.yml"), "utf8")) as Workflow;
    // Minute, hour, day of month, month, weekday: one run in each quarter.
    const [, , day, months, weekday] = workflow.on.schedule[0]!.cron.split(" ");
    expect(months!.split(",")).toHaveLength(4);
    expect([day, weekday]).not.toContain(undefined);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write" });

    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const runs = steps.map((s) => s.run ?? "").join("\n");
    const fetch = steps.find((s) => /npm run fetch\b/.test(s.run ?? ""))!;
    // The key only from the secret, and a failing fetch (exit 1) fails the job even through `tee`
    // (GitHub runs `shell: bash` with -o pipefail), so nothing half-fetched is proposed.
    expect(fetch.env).toEqual({ JOBINDSATS_TOKEN: "${{ secrets.JOBINDSATS_TOKEN }}" });
    expect(fetch.shell).toBe("bash");
    expect(runs).not.toMatch(/JOBINDSATS_TOKEN/);
    expect(steps.indexOf(steps.find((s) => s.run === "npm run check")!)).toBeGreaterThan(steps.indexOf(fetch));
    // Only the indicator files are committed, on a branch of their own, and a person merges.
    expect(runs).toContain("git add data/indicators");
    expect(runs).toMatch(/git switch -c "\$branch"/);
    expect(runs).toContain("gh pr create");
    expect(runs).not.toMatch(/npm run build|npm run publish|git push origin (main|HEAD)|gh pr merge/);
  });
});
