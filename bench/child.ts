import { CONSUMER, consumerExample } from "./installedPackage";
import * as fs from "node:fs";
import * as inspector from "node:inspector";
import { performance } from "node:perf_hooks";
import * as pulumi from "@pulumi/pulumi";
import { MockEngine } from "../engine";
import { exampleProject, runExample } from "./exampleProgram";
import { preloadSdk } from "./preload";
import { FloorMode, FloorResource, floorOf, registerFloor } from "./floor";
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
 * A CPU profiler over the measured span only (`BENCH_PROFILE=file.cpuprofile`): `node --cpu-prof`
 * would also profile the loading of the libraries, which both programs share.
 */
async function startProfiler(file: string | undefined): Promise<{ stop(): Promise<void> } | undefined> {
    if (!file) {
        return undefined;
    }
    const session = new inspector.Session();
    session.connect();
    const post = (method: string) =>
        new Promise<any>((resolve, reject) => session.post(method, (err, result) => (err ? reject(err) : resolve(result))));
    await post("Profiler.enable");
    await post("Profiler.start");
    return {
        async stop() {
            const { profile } = await post("Profiler.stop");
            fs.writeFileSync(file, JSON.stringify(profile));
            session.disconnect();
        },
    };
}

/** What a component program did, for the floors to replay and every program to preload. */
interface Recording {
    resources: FloorResource[];
    /** The token of each lookup. */
    invokes: string[];
}

/** The modes of a child: the component program, its recording, or one of the floors replaying it. */
export type ChildMode = "component" | "record" | FloorMode;

/**
 * One run, in its own process: `child.ts <workload> component recording.json` times the component program;
 * `child.ts <workload> record recording.json` runs it (its figures unused) and writes what the
 * floors replay and what every mode preloads (see preload.ts);
 * `child.ts <workload> floor|bare|typed recording.json` times that replay (see floor.ts).
 */
async function main([id, mode, recordingFile]: [string, ChildMode, string]): Promise<ChildResult> {
    const workload = workloadById(id);
    const example = workload.exampleDir && consumerExample(workload.exampleDir);
    const project = example ? exampleProject(example) : { name: "bench", config: { "aws:region": "eu-west-3" } };
    // Every program runs in the consumer project (an example in its own folder there).
    process.chdir(CONSUMER);
    const replayed = mode === "floor" || mode === "bare" || mode === "typed";
    const recording = mode === "record" ? undefined : (JSON.parse(fs.readFileSync(recordingFile, "utf8")) as Recording);
    const floor = replayed ? recording!.resources : undefined;
    if (recording) {
        preloadSdk([...recording.resources.map((r) => r.type), ...recording.invokes]);
    }
    const engine = MockEngine.start({ project: project.name, stack: "dev", config: project.config, preview: true });
    const bags = mode === "record" ? new Map<pulumi.Resource, string[]>() : undefined;
    const profiler = await startProfiler(process.env.BENCH_PROFILE);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await pulumi.runtime.runInPulumiStack(async () => {
        if (floor) {
            registerFloor(floor, mode as FloorMode);
            return {};
        }
        if (bags) {
            // The names of the properties each resource is constructed with (unset ones included:
            // every SDK class passes all it declares), which the wire form of the inputs drops.
            pulumi.runtime.registerStackTransformation(({ resource, props }) => {
                bags.set(resource, Object.keys(props));
                return undefined;
            });
        }
        await (example ? runExample(example) : workload.run());
        return {};
    });
    await engine.settle();
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    await profiler?.stop();
    const result = {
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
        resources: engine.resources.length,
        invokes: engine.invokes.length,
    };
    if (bags) {
        const keysByUrn = new Map<string, string[]>();
        for (const [resource, keys] of bags) {
            keysByUrn.set(await urnOf(resource), keys);
        }
        const written: Recording = { resources: floorOf(engine.resources, keysByUrn), invokes: engine.invokes.map((i) => i.token) };
        fs.writeFileSync(recordingFile, JSON.stringify(written));
    }
    return result;
}

/** A resource's URN, once registered (`Output.promise()` is the SDK's internal accessor). */
function urnOf(resource: pulumi.Resource): Promise<string> {
    return (resource.urn as unknown as { promise(): Promise<string> }).promise();
}

main(process.argv.slice(2) as [string, ChildMode, string]).then(
    (result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        process.exit(0);
    },
    (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exit(1);
    },
);
