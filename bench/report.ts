import type { ChildResult } from "./child";
import { median } from "./measure";
import type { Workload } from "./workloads";

/** The timed programs of each round, in the order they run. */
export const MODES = ["component", "floor", "bare", "typed"] as const;

export const MODE_LABELS: Record<(typeof MODES)[number], string> = { component: "component", floor: "floor", bare: "bare floor", typed: "SDK-class floor" };

/** Every run of one workload, every program. */
export interface WorkloadRuns {
    workload: Workload;
    component: ChildResult[];
    /** Raw resources with the same property bags. */
    floor: ChildResult[];
    /** Raw resources with the recorded (wire) inputs only. */
    bare: ChildResult[];
    /** The floor through the typed SDK classes: what the SDK itself adds to the raw floor. */
    typed: ChildResult[];
}

/** Medians of one workload. */
export interface WorkloadSummary {
    workload: Workload;
    runs: number;
    resources: number;
    invokes: number;
    component: { ms: number; cpuMs: number; rssMiB: number };
    floor: { ms: number; cpuMs: number; rssMiB: number };
    typed: { ms: number; cpuMs: number; rssMiB: number };
    bare: { ms: number; cpuMs: number; rssMiB: number };
    /** component / floor, of the medians. */
    ratio: { ms: number; cpuMs: number; rssMiB: number };
    /** component / typed floor, of the medians. */
    typedRatio: { ms: number; cpuMs: number; rssMiB: number };
    /** component / bare floor, of the medians. */
    bareRatio: { ms: number; cpuMs: number; rssMiB: number };
}

const medians = (runs: ChildResult[]) => ({
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMiB: median(runs.map((r) => r.peakRssMiB)),
});

export function summarize(runs: WorkloadRuns): WorkloadSummary {
    const component = medians(runs.component);
    const floor = medians(runs.floor);
    const typed = medians(runs.typed);
    const bare = medians(runs.bare);
    const over = (a: typeof component, b: typeof component) => ({ ms: a.ms / b.ms, cpuMs: a.cpuMs / b.cpuMs, rssMiB: a.rssMiB / b.rssMiB });
    return {
        workload: runs.workload,
        runs: runs.component.length,
        resources: runs.component[0].resources,
        invokes: runs.component[0].invokes,
        component,
        floor,
        typed,
        bare,
        ratio: over(component, floor),
        typedRatio: over(component, typed),
        bareRatio: over(component, bare),
    };
}

/** Time at the large size over time at the small size, per composite, for both programs. */
export interface Growth {
    family: string;
    small: number;
    large: number;
    component: { ms: number; cpuMs: number };
    floor: { ms: number; cpuMs: number };
}

/**
 * Growth of each composite from its smallest to its largest size, from the rounds both sizes ran
 * in (with fewer runs at the large size, the small size's later rounds ran under another load).
 */
export function growthOf(runs: readonly WorkloadRuns[]): Growth[] {
    const families = [...new Set(runs.map((r) => r.workload.family).filter((f): f is string => f !== undefined))];
    const out: Growth[] = [];
    for (const family of families) {
        const members = runs.filter((r) => r.workload.family === family);
        const common = Math.min(...members.map((r) => r.component.length));
        const sized = members
            .map((r) => summarize({ workload: r.workload, ...Object.fromEntries(MODES.map((mode) => [mode, r[mode].slice(0, common)])) } as WorkloadRuns))
            .sort((a, b) => a.workload.users! - b.workload.users!);
        if (sized.length < 2) {
            continue;
        }
        const [small, large] = [sized[0], sized[sized.length - 1]];
        out.push({
            family,
            small: small.workload.users!,
            large: large.workload.users!,
            component: { ms: large.component.ms / small.component.ms, cpuMs: large.component.cpuMs / small.component.cpuMs },
            floor: { ms: large.floor.ms / small.floor.ms, cpuMs: large.floor.cpuMs / small.floor.cpuMs },
        });
    }
    return out;
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const mib = (value: number) => `${Math.round(value)} MiB`;
const x = (value: number) => `${value.toFixed(2)}×`;

/** The Markdown table of the programs (medians; ratios of medians). */
export function programTable(summaries: readonly WorkloadSummary[]): string {
    const rows = summaries.map((s) =>
        [
            `${s.workload.label} (${s.resources} resources)`,
            String(s.runs),
            ms(s.component.ms),
            ms(s.floor.ms),
            `**${x(s.ratio.ms)}**`,
            `${ms(s.component.cpuMs)} / ${ms(s.floor.cpuMs)} = ${x(s.ratio.cpuMs)}`,
            `${mib(s.component.rssMiB)} / ${mib(s.floor.rssMiB)} = **${x(s.ratio.rssMiB)}**`,
            `${x(s.typedRatio.ms)} / ${x(s.typedRatio.cpuMs)} / ${x(s.typedRatio.rssMiB)}`,
            `${ms(s.bare.ms)}: ${x(s.bareRatio.ms)} / ${x(s.bareRatio.cpuMs)} / ${x(s.bareRatio.rssMiB)}`,
            `${x(s.typed.ms / s.bare.ms)} / ${x(s.typed.cpuMs / s.bare.cpuMs)}`,
        ].join(" | "),
    );
    return [
        "| Program | Runs | Component | Floor | Ratio | CPU component / floor | Peak RSS component / floor | Component / SDK-class floor (wall / CPU / RSS) | Bare floor: component / bare (wall / CPU / RSS) | SDK-class floor / bare (wall / CPU) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ...rows.map((r) => `| ${r} |`),
    ].join("\n");
}

export function growthTable(growth: readonly Growth[]): string {
    return [
        "| Composite | t(large)/t(small) component | floor | CPU component | CPU floor |",
        "| --- | --- | --- | --- | --- |",
        ...growth.map((g) => `| ${g.family} ${g.large}/${g.small} users | **${g.component.ms.toFixed(1)}** | ${g.floor.ms.toFixed(1)} | ${g.component.cpuMs.toFixed(1)} | ${g.floor.cpuMs.toFixed(1)} |`),
    ].join("\n");
}

/** One offline plan as a CLI run, against starting Node with the Pulumi SDKs loaded. */
export interface CliSummary {
    label: string;
    planMs: number;
    bareMs: number;
}

export function cliTable(rows: readonly CliSummary[], command: string, bare: string): string {
    return [
        `| Offline plan (\`${command} <example>\`) | Wall | \`${bare}\` | Ratio |`,
        "| --- | --- | --- | --- |",
        ...rows.map((r) => `| ${r.label} | ${ms(r.planMs)} | ${ms(r.bareMs)} | ${x(r.planMs / r.bareMs)} |`),
    ].join("\n");
}

/**
 * Against the bare floor (wire inputs only): the worst component/bare ratio, and how much of it
 * the SDK classes alone take (the SDK-class floor registers the same resources through
 * `@pulumi/aws`'s classes with no component code, so no program built on them gets below it).
 */
export function bareFloorLine(summaries: readonly WorkloadSummary[]): string {
    const largest = Math.max(...summaries.map((s) => s.workload.users ?? 0));
    const judged = summaries.filter((s) => s.workload.users === undefined || s.workload.users === largest);
    if (judged.length === 0) {
        return "bare floor: n/a (no program ran)";
    }
    const worst = (of: (s: WorkloadSummary) => number) => judged.reduce((a, b) => (of(b) > of(a) ? b : a));
    const component = worst((s) => s.bareRatio.ms);
    const sdk = worst((s) => s.typed.ms / s.bare.ms);
    return (
        `bare floor: worst component/bare ${component.bareRatio.ms.toFixed(2)} (${component.workload.label}); ` +
        `the SDK classes alone, no component code: worst SDK-class floor/bare ${(sdk.typed.ms / sdk.bare.ms).toFixed(2)} (${sdk.workload.label})`
    );
}

/** The bench's last line: the worst component/floor ratio (examples and the large composites) and the worst growth. */
export function verdict(summaries: readonly WorkloadSummary[], growth: readonly Growth[]): string {
    const largest = Math.max(...summaries.map((s) => s.workload.users ?? 0));
    const judged = summaries.filter((s) => s.workload.users === undefined || s.workload.users === largest);
    const worstRatio = Math.max(...judged.map((s) => s.ratio.ms));
    const worstGrowth = growth.length ? Math.max(...growth.map((g) => g.component.ms)).toFixed(1) : "n/a";
    return `bench: ${worstRatio.toFixed(2)} worst component/floor, ${worstGrowth} worst t(${growth[0]?.large ?? "large"})/t(${growth[0]?.small ?? "small"})`;
}
