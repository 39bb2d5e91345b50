import * as path from "node:path";
import type { RecordedResource } from "../engine";
import { readPolicyConfig } from "./policyConfig";
import { elide, shortType, wrap } from "./render";
import { AnalyzedResource, PackEntry, PolicyInfo, PolicyServer, Violation } from "./policyServer";

/** The outcome of sending a plan through the policy pack. */
export interface PolicyReport {
    pack: string;
    /** Every policy of the pack, with the level it ran at. */
    policies: PolicyInfo[];
    violations: Violation[];
    /** Resource types of the plan that no policy of the pack judges (known for the shipped pack). */
    uncheckedTypes?: string[];
    mandatory: number;
    advisory: number;
}

/** What the analyzer sees of a recorded resource: inputs and the outputs the mock answered, and its id. */
export function analyzedResource(resource: RecordedResource, byUrn: Map<string, RecordedResource>): AnalyzedResource {
    const providerUrn = resource.provider?.slice(0, resource.provider.lastIndexOf("::"));
    const provider = providerUrn ? byUrn.get(providerUrn) : undefined;
    return {
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        props: { ...(resource.id ? { id: resource.id } : {}), ...resource.state, ...resource.inputs },
        parent: resource.parent,
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        provider: provider && { type: provider.type, name: provider.name, urn: provider.urn, props: { ...provider.state, ...provider.inputs } },
        protect: resource.options.protect,
        ignoreChanges: resource.options.ignoreChanges,
    };
}

/** What the analyzer sees of every resource of a plan (providers resolved among them). */
export function analyzedResources(resources: RecordedResource[]): AnalyzedResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => analyzedResource(r, byUrn));
}

/**
 * Starts the pack in `packDir`, applies the policy config file if any, sends every resource
 * through `Analyze` and the whole stack through `AnalyzeStack`, as `pulumi preview` does.
 */
export async function checkPolicies(pack: string | PackEntry, resources: RecordedResource[], policyConfigFile?: string): Promise<PolicyReport> {
    const packDir = typeof pack === "string" ? pack : pack.dir;
    const server = await PolicyServer.start(pack);
    try {
        const policies = await server.info();
        const config = policyConfigFile ? readPolicyConfig(policyConfigFile, policies) : {};
        await server.configure(config, policies);
        const analyzed = analyzedResources(resources);
        const violations: Violation[] = [];
        for (const resource of analyzed.filter((r) => r.type !== "pulumi:pulumi:Stack")) {
            violations.push(...(await server.analyze(resource)));
        }
        violations.push(...(await server.analyzeStack(analyzed)));
        const levels = config.all ? { all: config.all } : {};
        return {
            pack: path.relative(process.cwd(), packDir) || ".",
            policies: policies.map((p) => ({ ...p, level: levelOf(config, p, levels.all) })),
            violations,
            mandatory: violations.filter((v) => v.level === "mandatory").length,
            advisory: violations.filter((v) => v.level === "advisory").length,
        };
    } finally {
        server.stop();
    }
}

function levelOf(config: Record<string, unknown>, policy: PolicyInfo, all: unknown): PolicyInfo["level"] {
    const entry = config[policy.name];
    const allLevel = typeof all === "string" ? all : (all as { enforcementLevel?: string } | undefined)?.enforcementLevel;
    const level = typeof entry === "string" ? entry : ((entry as { enforcementLevel?: string } | undefined)?.enforcementLevel ?? allLevel);
    return (level ?? policy.level) as PolicyInfo["level"];
}

/** The report as text, violations grouped by resource, with levels and control ids. */
export function renderPolicyReport(report: PolicyReport, resources: RecordedResource[], width = 120): string {
    const lines = wrap(`Policies (pack ${report.pack}): ${report.mandatory} mandatory, ${report.advisory} advisory violation(s)`, width, "  ");
    const byUrn = new Map<string, Violation[]>();
    for (const v of report.violations) {
        byUrn.set(v.urn, [...(byUrn.get(v.urn) ?? []), v]);
    }
    for (const [urn, list] of byUrn) {
        const resource = resources.find((r) => r.urn === urn);
        lines.push("", elide(`  ${resource ? `${shortType(resource.type)}  ${resource.name}` : urn}`, width));
        for (const v of list) {
            const controls = /\(([^()]*(Security Hub|Checkov|Prowler)[^()]*)\)$/.exec(v.description)?.[1];
            lines.push(...wrap(`    [${v.level}] ${v.policyName}: ${v.message}${controls ? `  (${controls})` : ""}`, width, "      "));
        }
    }
    if (report.uncheckedTypes?.length) {
        lines.push("", ...wrap(`Not judged by any policy of this pack (a clean report says nothing about them): ${report.uncheckedTypes.map(shortType).join(", ")}`, width, "  "));
    }
    return lines.join("\n");
}
