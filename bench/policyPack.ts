// The policy pack under @pulumi/policy's own handlers, in this process: what a resource costs the
// analyzer as the pack ships (routed by type) and with the same policies' types hidden
// (unrouted), and what AnalyzeStack costs at 1,000 and 10,000 resources. Wall time is what a
// user waits; CPU time is steadier on a shared machine (it leaves out other processes' turns).
//
//   npx tsx bench/policyPack.ts
import { performance } from "node:perf_hooks";
import type { Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { appstream, cloudfront, workspaces } from "../components";
import { MockEngine } from "../engine";
import { ALL_POLICIES } from "../policies/library";
import { analyzeRequest, analyzeStackRequest, InProcessAnalyzer, Resource } from "./inProcessAnalyzer";

/** The four types of the mix: what an EUC estate mostly is. */
const MIX_TYPES = ["aws:cloudfront/distribution:Distribution", "aws:kms/key:Key", "aws:workspaces/workspace:Workspace", "aws:appstream/fleet:Fleet"];
/** Runs per Analyze variant (under a second each pair: the median of 9 steadies the ratio on a busy machine). */
const ANALYZE_RUNS = 9;
/** Runs per AnalyzeStack size (the 10,000-resource ones take seconds). */
const STACK_RUNS = 5;
const ANALYZE_ROUNDS = 500;

/** One resource of each type of the mix, with the props our components really send. */
export async function mixSample(): Promise<Resource[]> {
    const engine = MockEngine.start({ config: { "aws:region": "eu-west-3" } });
    const network = { vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"] };
    new cloudfront.Distribution("cdn", { origins: { site: { s3: { bucket: { bucket: "site", arn: "arn:aws:s3:::site", bucketRegionalDomainName: "site.s3.eu-west-3.amazonaws.com" } } } } });
    const key = new workspaces.EncryptionKey("key");
    new workspaces.Workspaces("desks", { directoryId: "d-1234567890", encryptionKeyArn: key.arn, defaults: { bundle: { id: "wsb-1234567890" } }, users: [{ userName: "ana" }] });
    new appstream.Fleet("fleet", { instanceType: "stream.standard.small", image: { name: "App" }, capacity: { desiredInstances: 1 }, network });
    await engine.settle();
    return MIX_TYPES.map((type) => {
        const recorded = engine.resources.find((r) => r.type === type)!;
        return { type, name: recorded.name, props: { ...recorded.state, ...recorded.inputs } };
    });
}

/** The same policies with their routing types hidden: every policy deserializes every resource. */
export function unrouted(policies: Policies): Policies {
    return policies.map((policy) => {
        const resource = policy as ResourceValidationPolicy;
        const stack = policy as StackValidationPolicy;
        const hidden = <F extends (...args: never[]) => unknown>(fn: F) => ((...args: Parameters<F>) => fn(...args)) as unknown as F;
        if (typeof resource.validateResource === "function") {
            return { ...resource, validateResource: hidden(resource.validateResource) };
        }
        if (typeof stack.validateStack === "function") {
            return { ...stack, validateStack: hidden(stack.validateStack) };
        }
        return policy;
    });
}

/** The stack of `count` resources: `extra` first, then the mix repeated, each with its own name. */
function stackOf(sample: Resource[], count: number, extra: Resource[] = []): Resource[] {
    return [...extra, ...Array.from({ length: count - extra.length }, (_, i) => ({ ...sample[i % sample.length], name: `r${i}` }))];
}

/** One resource of each type a stack policy reports on: with them, every stack policy runs. */
const STACK_SUBJECTS: Resource[] = [
    { type: "aws:directoryservice/directory:Directory", name: "ad", props: { name: "corp.example.com", type: "MicrosoftAD" } },
    { type: "aws:wafv2/webAcl:WebAcl", name: "acl", props: { scope: "CLOUDFRONT" } },
    { type: "aws:route53/record:Record", name: "www", props: { name: "www.example.com", type: "A" } },
    { type: "aws:route53/zone:Zone", name: "zone", props: { name: "example.com" } },
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall time and this process's CPU time (user and system, GC threads included), in ms. */
interface Cost {
    wall: number;
    cpu: number;
}

/** The cost of `repeat` calls of `run`, per call. */
async function timed(run: () => Promise<unknown>, repeat = 1): Promise<Cost> {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < repeat; i++) {
        await run();
    }
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - wall) / repeat, cpu: (used.user + used.system) / 1000 / repeat };
}

/** The cost per resource, in µs, of `ANALYZE_ROUNDS` passes over the mix. */
async function analyzePerResource(analyzer: InProcessAnalyzer, requests: ReturnType<typeof analyzeRequest>[]): Promise<Cost> {
    const cost = await timed(async () => {
        for (let round = 0; round < ANALYZE_ROUNDS; round++) {
            for (const request of requests) {
                await analyzer.analyze(request);
            }
        }
    });
    const perResource = 1000 / (ANALYZE_ROUNDS * requests.length);
    return { wall: cost.wall * perResource, cpu: cost.cpu * perResource };
}

type Series = Record<"routed" | "unrouted" | "stack1k" | "stack10k" | "all1k" | "all10k", Cost[]>;

/** The median wall and CPU times of `costs`. */
function medians(costs: Cost[]): Cost {
    return { wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)) };
}

const both = (c: Cost, unit: string, digits = 1) => `wall ${c.wall.toFixed(digits)} ${unit}, CPU ${c.cpu.toFixed(digits)} ${unit}`;
const ratio = (a: Cost, b: Cost) => `wall ${(a.wall / b.wall).toFixed(2)}, CPU ${(a.cpu / b.cpu).toFixed(2)}`;

/** The lines to print: medians of the runs, and their ratios. */
export async function benchPolicyPack(): Promise<string[]> {
    const sample = await mixSample();
    const requests = sample.map(analyzeRequest);
    const routed = new InProcessAnalyzer(ALL_POLICIES);
    const plain = new InProcessAnalyzer(unrouted(ALL_POLICIES));
    const series: Series = { routed: [], unrouted: [], stack1k: [], stack10k: [], all1k: [], all10k: [] };
    // Analyze first, on its own: the stack requests (22,000 resources) are built only after it,
    // so that neither their heap nor the garbage of the 10,000-resource AnalyzeStack runs lands
    // in a per-resource run (it used to land in the routed one, which followed them: 150-180 µs
    // instead of the 120-125 µs it takes on its own). Warm-up, then runs alternating which
    // variant goes first, so that each sees the other's leftovers as often.
    await analyzePerResource(routed, requests);
    await analyzePerResource(plain, requests);
    for (let run = 0; run < ANALYZE_RUNS; run++) {
        const order = run % 2 === 0 ? (["routed", "unrouted"] as const) : (["unrouted", "routed"] as const);
        for (const variant of order) {
            series[variant].push(await analyzePerResource(variant === "routed" ? routed : plain, requests));
        }
        process.stderr.write(`policy pack Analyze run ${run + 1}: routed ${both(series.routed[run], "µs")}, unrouted ${both(series.unrouted[run], "µs")}\n`);
    }
    // Then AnalyzeStack, its sizes interleaved. Each run averages enough calls to span several
    // major collections at every size (50 calls at 1,000 resources, 30 with every stack policy, 10
    // at 10,000, 1 with every stack policy): with 10 calls at 1,000, whether a major collection
    // fell in the window moved t(10,000)/t(1,000) between 9 and 13.5 from one run to the next.
    const small = analyzeStackRequest(stackOf(sample, 1_000));
    const large = analyzeStackRequest(stackOf(sample, 10_000));
    const smallAll = analyzeStackRequest(stackOf(sample, 1_000, STACK_SUBJECTS));
    const largeAll = analyzeStackRequest(stackOf(sample, 10_000, STACK_SUBJECTS));
    await routed.analyzeStack(small);
    await routed.analyzeStack(large);
    await routed.analyzeStack(largeAll);
    for (let run = 0; run < STACK_RUNS; run++) {
        series.stack1k.push(await timed(() => routed.analyzeStack(small), 50));
        series.stack10k.push(await timed(() => routed.analyzeStack(large), 10));
        series.all1k.push(await timed(() => routed.analyzeStack(smallAll), 30));
        series.all10k.push(await timed(() => routed.analyzeStack(largeAll)));
    }
    const m = Object.fromEntries(Object.entries(series).map(([key, costs]) => [key, medians(costs)])) as Record<keyof Series, Cost>;
    const stackPolicies = ALL_POLICIES.filter((p) => "validateStack" in p).length;
    return [
        `policy pack: ${ALL_POLICIES.length} policies under @pulumi/policy's handlers in-process; medians of ${ANALYZE_RUNS} Analyze runs (variants alternating), then of ${STACK_RUNS} AnalyzeStack runs (sizes interleaved)`,
        `  Analyze per resource, 4-type mix (${MIX_TYPES.map((t) => t.split(":")[1].split("/")[0]).join(", ")}):`,
        `    routed (as shipped)      ${both(m.routed, "µs")}`,
        `    unrouted (types hidden)  ${both(m.unrouted, "µs")}`,
        `    unrouted / routed        ${ratio(m.unrouted, m.routed)}`,
        `  AnalyzeStack, the mix repeated (only the stack policies whose subject is a distribution run):`,
        `    1,000 resources          ${both(m.stack1k, "ms", 2)}`,
        `    10,000 resources         ${both(m.stack10k, "ms", 2)}`,
        `    t(10,000) / t(1,000)     ${ratio(m.stack10k, m.stack1k)}  (the SDK deserializes the stack once per stack policy: its work and GC, not the checks, set this)`,
        `  AnalyzeStack, the mix plus one subject of each stack policy (all ${stackPolicies} run):`,
        `    1,000 resources          ${both(m.all1k, "ms")}`,
        `    10,000 resources         ${both(m.all10k, "ms")}`,
        `    t(10,000) / t(1,000)     ${ratio(m.all10k, m.all1k)}`,
    ];
}

if (require.main === module) {
    benchPolicyPack().then(
        (lines) => console.log(lines.join("\n")),
        (err) => {
            console.error(err);
            process.exit(1);
        },
    );
}
