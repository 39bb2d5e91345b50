import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BARE, measureCli, PLAN_SCRIPT } from "./cli";
import { installConsumer } from "./consumerProject";
import { measureChild } from "./measure";
import type { ChildResult } from "./child";
import { bareFloorLine, cliTable, growthOf, growthTable, MODE_LABELS, MODES, programTable, summarize, verdict, WorkloadRuns } from "./report";
import { allWorkloads, LARGE, SMALL, Workload } from "./workloads";

/**
 * `npm run bench`: the components (as built) against the raw-resource floor made from their own
 * recording (and against the bare floor and the same floor through the SDK classes, to tell the
 * SDK's share from ours), each run in its own process, runs interleaved so that a busy machine
 * slows all alike.
 *
 *   --quick          skip the 2,000-user sizes (also BENCH_QUICK=1)
 *   --runs N         runs per program (median), default 5
 *   --large-runs N   runs at 2,000 users, default: as --runs
 *   --only a,b       only these workloads (ids: workspaces, appstream, DesktopEnvironment-100, …)
 *   --no-cli         skip the CLI plan measurement
 */
interface BenchOptions {
    quick: boolean;
    runs: number;
    largeRuns: number;
    only?: string[];
    cli: boolean;
}

function parseOptions(argv: string[]): BenchOptions {
    const value = (flag: string) => {
        const at = argv.indexOf(flag);
        return at >= 0 ? argv[at + 1] : undefined;
    };
    const quick = argv.includes("--quick") || process.env.BENCH_QUICK === "1";
    const runs = Number(value("--runs") ?? 5);
    return {
        quick,
        runs,
        largeRuns: Number(value("--large-runs") ?? runs),
        only: value("--only")?.split(","),
        cli: !argv.includes("--no-cli"),
    };
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** The policy pack's own bench, when its file is there (bench/policyPack.ts). */
async function policyPackLines(): Promise<string[]> {
    const file = path.join(__dirname, "policyPack.ts");
    if (!fs.existsSync(file)) {
        return [];
    }
    const module = (await import(file)) as { benchPolicyPack?: () => Promise<string[]> };
    return module.benchPolicyPack ? module.benchPolicyPack() : [];
}

async function main(options: BenchOptions): Promise<void> {
    const root = path.resolve(__dirname, "..");
    const workloads = allWorkloads(options.quick ? [SMALL] : [SMALL, LARGE]).filter((w) => !options.only || options.only.includes(w.id));
    const runsOf = (w: Workload) => (w.users === LARGE ? options.largeRuns : options.runs);
    const recordings = fs.mkdtempSync(path.join(os.tmpdir(), "aws-euc-bench-"));
    // One consumer project for every child (inherited through the environment).
    const consumer = installConsumer();
    process.env.BENCH_CONSUMER = consumer;
    const runs: WorkloadRuns[] = workloads.map((workload) => ({ workload, component: [], floor: [], bare: [], typed: [] }));
    const recordingOf = (w: Workload) => path.join(recordings, `${w.id}.json`);
    try {
        // One untimed run of each component program records what the floors replay.
        for (const { workload } of runs) {
            await measureChild(workload.id, "record", recordingOf(workload), root);
        }
        const rounds = Math.max(...workloads.map(runsOf));
        for (let round = 0; round < rounds; round++) {
            for (const entry of runs.filter((r) => round < runsOf(r.workload))) {
                const recording = recordingOf(entry.workload);
                for (const mode of MODES) {
                    entry[mode].push(await measureChild(entry.workload.id, mode, recording, root));
                }
                const show = (r: ChildResult) => `${Math.round(r.ms)} ms (CPU ${Math.round(r.cpuMs)}) ${Math.round(r.peakRssMiB)} MiB`;
                log(`${entry.workload.id} run ${round + 1}: ${MODES.map((mode) => `${MODE_LABELS[mode]} ${show(entry[mode][round])}`).join(", ")}`);
            }
        }
    } finally {
        fs.rmSync(recordings, { recursive: true, force: true });
        fs.rmSync(consumer, { recursive: true, force: true });
    }
    const summaries = runs.map(summarize);
    const growth = growthOf(runs);
    const lines = [
        `Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}; medians, ratios of medians.`,
        "",
        programTable(summaries),
        "",
    ];
    if (growth.length) {
        lines.push(growthTable(growth), "");
    }
    const examples = workloads.filter((w) => w.exampleDir);
    if (options.cli && examples.length) {
        lines.push(cliTable(await measureCli(examples, options.runs, root, log), `node ${PLAN_SCRIPT} plan`, `node -e "${BARE}"`), "");
    }
    const policy = await policyPackLines();
    if (policy.length) {
        lines.push(...policy, "");
    }
    const large = summaries.filter((s) => s.workload.users === LARGE);
    if (large.length) {
        lines.push(`peak RSS at ${LARGE} users: ${large.map((s) => `${s.workload.family} ${s.ratio.rssMiB.toFixed(2)}× the floor`).join(", ")}`);
    }
    lines.push(bareFloorLine(summaries));
    lines.push(verdict(summaries, growth));
    process.stdout.write(`${lines.join("\n")}\n`);
}

main(parseOptions(process.argv.slice(2))).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
});
