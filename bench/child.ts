import * as fs from "node:fs";
import { performance } from "node:perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { MockEngine } from "../engine";
import { exampleProject } from "./exampleProgram";
import { FloorResource, floorOf, registerFloor } from "./floor";
import { workloadById } from "./workloads";
// Both programs start with the same libraries loaded: loading them is the same fixed cost for any
// program, and the CLI rows of the bench measure it (plan against bare Node).
import "@pulumi/aws";
import "@pulumi/awsx";
import "@pulumi/random";
import "../components";

/** What one child run reports on its last stdout line. */
export interface ChildResult {
    /** Wall time of the program, from its first line to the last registration settled. */
    ms: number;
    /** CPU time (user + system) of the process over the same span: steadier than wall time on a busy machine. */
    cpuMs: number;
    /** Peak resident set size of the whole child process, MiB. */
    peakRssMiB: number;
    resources: number;
    invokes: number;
}

/**
 * One measured run, in its own process: `child.ts <workload> component [recording.json]` runs the
 * component program (and writes its recording for the floor); `child.ts <workload> floor
 * recording.json` replays that recording as raw resources, `typed` the same through the SDK classes.
 */
async function main([id, mode, recordingFile]: string[]): Promise<ChildResult> {
    const workload = workloadById(id);
    const project = workload.exampleDir ? exampleProject(workload.exampleDir) : { name: "bench", config: { "aws:region": "eu-west-3" } };
    const floor = mode !== "component" ? (JSON.parse(fs.readFileSync(recordingFile, "utf8")) as FloorResource[]) : undefined;
    const engine = MockEngine.start({ project: project.name, stack: "dev", config: project.config, preview: true });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await pulumi.runtime.runInPulumiStack(async () => {
        if (floor) {
            registerFloor(floor, mode === "typed");
        } else {
            await workload.run();
        }
        return {};
    });
    await engine.settle();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const result = {
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
        resources: engine.resources.length,
        invokes: engine.invokes.length,
    };
    if (mode === "component" && recordingFile) {
        fs.writeFileSync(recordingFile, JSON.stringify(floorOf(engine.resources)));
    }
    return result;
}

main(process.argv.slice(2)).then(
    (result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        process.exit(0);
    },
    (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
    },
);
