#!/usr/bin/env node
import * as fs from "node:fs";
import * as path from "node:path";
import { checkPolicies, PolicyReport, renderPolicyReport } from "../plan/policyReport";
import { shippedPack, packIn } from "../plan/policyServer";
import { outputWidth, renderJson, renderText } from "../plan/render";
import { PlanResult, runPlan } from "../plan/run";
import { Command, parseCommand, UsageError, USAGE } from "./args";
import { renderGraph } from "./formats/graph";
import { renderJunit } from "./formats/junit";
import { renderMarkdown } from "./formats/markdown";
import { renderSarif } from "./formats/sarif";

/** Exit statuses: 1 is kept for "the pack found a mandatory violation". */
const EXIT = { ok: 0, violation: 1, error: 2 } as const;

function packageVersion(): string {
    for (const candidate of ["../package.json", "../../package.json"]) {
        const file = path.resolve(__dirname, candidate);
        if (fs.existsSync(file)) {
            const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (manifest.name === "pulumi-aws-euc") {
                return manifest.version ?? "0.0.0";
            }
        }
    }
    return "0.0.0";
}

function write(text: string, output: string | undefined): void {
    if (output) {
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        fs.writeFileSync(output, text.endsWith("\n") ? text : `${text}\n`);
    } else {
        process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    }
}

/** The program file a report points at when a resource has no source line: its Pulumi.yaml. */
function programFile(plan: PlanResult): string {
    return path.relative(process.cwd(), path.join(plan.project.dir, "Pulumi.yaml")).split(path.sep).join("/");
}

function renderCheck(command: Extract<Command, { command: "check" }>, plan: PlanResult, report: PolicyReport): string {
    const width = command.output ? 120 : outputWidth();
    switch (command.format) {
        case "json":
            return JSON.stringify({ ...JSON.parse(renderJson(plan)), policies: report }, null, 2);
        case "sarif":
            return renderSarif(report, relocate(plan), { version: packageVersion(), programFile: programFile(plan) });
        case "junit":
            return renderJunit(report, plan.resources);
        case "markdown":
            return renderMarkdown(report, plan.resources, `${plan.project.name} (${plan.stack})`);
        case "text":
            return [command.showPlan ? renderText(plan, width) : "", renderPolicyReport(report, plan.resources, width)].filter(Boolean).join("\n\n");
    }
}

/** Source files relative to the working directory (the repository root in CI), as SARIF viewers expect. */
function relocate(plan: PlanResult): PlanResult["resources"] {
    return plan.resources.map((r) =>
        r.source ? { ...r, source: { ...r.source, file: path.relative(process.cwd(), path.join(plan.project.dir, r.source.file)).split(path.sep).join("/") } } : r,
    );
}

/** Custom resource types of the plan that no policy of the shipped pack judges. */
function uncheckedTypes(plan: PlanResult): string[] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the pack's library needs @pulumi/policy, loaded only by `check`
    const { judgedResourceTypes } = require("../policies/library") as typeof import("../policies/library");
    const judged = judgedResourceTypes();
    return [...new Set(plan.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:") && !judged.has(r.type)).map((r) => r.type))].sort();
}

async function run(command: Command): Promise<number> {
    switch (command.command) {
        case "help":
            write(USAGE, undefined);
            return EXIT.ok;
        case "version":
            write(packageVersion(), undefined);
            return EXIT.ok;
        case "verify": {
            // The site check lives in its own module; it is loaded only when asked for.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const verify = require("./verify") as { runVerify(argv: string[]): Promise<number> };
            return verify.runVerify(command.argv);
        }
        case "plan": {
            const plan = await runPlan(command.plan);
            const text = command.graph
                ? renderGraph(plan.resources, command.graph)
                : command.format === "json"
                  ? renderJson(plan)
                  : renderText(plan, command.output ? 120 : outputWidth());
            write(text, command.output);
            return EXIT.ok;
        }
        case "check": {
            if (["sarif", "junit", "markdown"].includes(command.format)) {
                // These reports point at the program's lines: stack traces through the transpiled
                // program's source maps (a cost per resource, so only when a report shows them).
                process.setSourceMapsEnabled(true);
            }
            const pack = command.policyPack ? packIn(command.policyPack) : shippedPack();
            const plan = await runPlan(command.plan);
            const report = await checkPolicies(pack, plan.resources, command.policyConfig && path.resolve(command.policyConfig));
            if (!command.policyPack) {
                report.uncheckedTypes = uncheckedTypes(plan);
            }
            write(renderCheck(command, plan, report), command.output);
            return report.mandatory > 0 ? EXIT.violation : EXIT.ok;
        }
    }
}

/** `aws-euc <command>`: see USAGE. */
export async function main(argv: string[]): Promise<number> {
    try {
        return await run(parseCommand(argv));
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(err instanceof UsageError ? `error: ${message}\n\n${USAGE}\n` : `error: ${message}\n`);
        return EXIT.error;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => process.exit(code));
}
