import * as pulumi from "@pulumi/pulumi";
import { isKnown, MockEngine, RecordedResource, unwrap } from "../engine";
import type { PlanOptions } from "./args";
import { loadProject, Project } from "./project";

/** A stack output as the plan shows it. */
export interface PlannedOutput {
    value: unknown;
    secret: boolean;
    /** False when the value is only known after deployment (the mock answered none). */
    known: boolean;
}

/** What running a program on the mock engine produced. */
export interface PlanResult {
    project: Project;
    stack: string;
    resources: RecordedResource[];
    outputs: Record<string, PlannedOutput>;
}

/** Loads the program the way the Pulumi Node.js host does: its exports, or what its default function returns. */
async function runProgram(main: string): Promise<Record<string, unknown>> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(main);
    if (typeof mod?.default === "function") {
        return (await mod.default()) ?? {};
    }
    if (typeof mod === "function") {
        return (await mod()) ?? {};
    }
    return mod ?? {};
}

async function resolveOutput(value: unknown): Promise<PlannedOutput> {
    const output = pulumi.Resource.isInstance(value) ? value.urn : pulumi.output(value);
    const secret = await pulumi.isSecret(output);
    return (await isKnown(output))
        ? { value: await unwrap(output), secret, known: true }
        : { value: undefined, secret, known: false };
}

/**
 * Runs the program in `options.programDir` on the mock engine, as a `pulumi preview` of the
 * stack would (inside a root `pulumi:pulumi:Stack`, with the project folder as working
 * directory), and returns every registered resource and the stack outputs.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
    const project = loadProject(options);
    const engine = MockEngine.start({ project: project.name, stack: options.stack, config: project.config, preview: true });
    const previousDir = process.cwd();
    process.chdir(project.dir);
    try {
        let exported: Record<string, unknown> = {};
        await pulumi.runtime.runInPulumiStack(async () => {
            exported = await runProgram(project.main);
            return exported;
        });
        await engine.settle();
        const outputs: Record<string, PlannedOutput> = {};
        for (const [key, value] of Object.entries(exported)) {
            if (value !== undefined) {
                outputs[key] = await resolveOutput(value);
            }
        }
        return { project, stack: options.stack, resources: engine.resources, outputs };
    } finally {
        process.chdir(previousDir);
    }
}
