import * as path from "node:path";
import { parsePlanArgs } from "./args";
import { checkPolicies, renderPolicyReport } from "./policyReport";
import { renderJson, renderText } from "./render";
import { runPlan } from "./run";

/**
 * `npm start` / `npm run plan -- <folder>` / `npm run check -- <folder>`: the offline plan of a
 * Pulumi program, optionally with the policy report. Exits 1 on a program error or on any
 * mandatory policy violation.
 */
async function main(argv: string[]): Promise<number> {
    const options = parsePlanArgs(argv);
    const plan = await runPlan(options);
    const report = options.policyPack
        ? await checkPolicies(path.resolve(options.policyPack), plan.resources, options.policyConfig && path.resolve(options.policyConfig))
        : undefined;
    if (options.json) {
        const json = JSON.parse(renderJson(plan));
        process.stdout.write(JSON.stringify(report ? { ...json, policies: report } : json, null, 2) + "\n");
    } else {
        const parts = [options.reportOnly ? "" : renderText(plan), report ? renderPolicyReport(report, plan.resources) : ""];
        process.stdout.write(parts.filter(Boolean).join("\n\n") + "\n");
    }
    return report && report.mandatory > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
        process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    },
);
