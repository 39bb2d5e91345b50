import * as fs from "node:fs";
import * as path from "node:path";
import { median, runNode } from "./measure";
import type { CliSummary } from "./report";
import type { Workload } from "./workloads";

/** The offline plan as a user runs it: the shipped, compiled `aws-euc` command (`npm run build` first). */
export const PLAN_SCRIPT = "dist/cli/main.js";
/** What starting Node with the Pulumi SDKs costs: the least any plan can take. */
export const BARE = "require('@pulumi/pulumi'); require('@pulumi/aws')";

/**
 * Wall time of the offline plan of each example as a whole CLI run (`node dist/cli/main.js plan
 * <dir>`, what `npx aws-euc plan` runs), against `node -e "<BARE>"`, interleaved, median of `runs`.
 */
export async function measureCli(examples: readonly Workload[], runs: number, root: string, log: (line: string) => void): Promise<CliSummary[]> {
    if (!fs.existsSync(path.join(root, PLAN_SCRIPT))) {
        throw new Error(`${PLAN_SCRIPT} is missing: run \`npm run build\` before the bench (or pass --no-cli)`);
    }
    const bare: number[] = [];
    const plans = new Map<string, number[]>(examples.map((e) => [e.id, []]));
    for (let run = 0; run < runs; run++) {
        bare.push((await runNode(["-e", BARE], root)).wallMs);
        for (const example of examples) {
            plans.get(example.id)!.push((await runNode([PLAN_SCRIPT, "plan", path.relative(root, example.exampleDir!)], root)).wallMs);
        }
        log(`cli run ${run + 1}/${runs}`);
    }
    const bareMs = median(bare);
    return examples.map((e) => ({ label: e.label, planMs: median(plans.get(e.id)!), bareMs }));
}
