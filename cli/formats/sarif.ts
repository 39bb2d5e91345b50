import type { RecordedResource } from "../../engine";
import type { PolicyReport } from "../../plan/policyReport";
import type { Level, PolicyInfo } from "../../plan/policyServer";
import { controlsOf, findingsOf } from "./findings";

/** SARIF's result level for a policy's enforcement level. */
const SARIF_LEVEL: Record<Level, "error" | "warning" | "note" | "none"> = {
    mandatory: "error",
    advisory: "warning",
    remediate: "note",
    disabled: "none",
};

/** GitHub code scanning reads `security-severity` (0–10) to rank security alerts. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function rule(policy: PolicyInfo) {
    const controls = controlsOf(policy);
    return {
        id: policy.name,
        name: policy.name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: policy.description.replace(/\s*\([^()]*\)$/, "") },
        fullDescription: { text: policy.description },
        ...(policy.url ? { helpUri: policy.url } : {}),
        help: { text: policy.remediationSteps ?? policy.description },
        defaultConfiguration: { level: SARIF_LEVEL[policy.level], enabled: policy.level !== "disabled" },
        properties: {
            tags: ["security", ...controls],
            ...(policy.severity && SECURITY_SEVERITY[policy.severity] ? { "security-severity": SECURITY_SEVERITY[policy.severity] } : {}),
        },
    };
}

/**
 * The report as SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per policy
 * (description, help URI, control ids as tags, level from the enforcement level), one result per
 * violation, located at the program file and line that created the resource when known, else at
 * the program's `Pulumi.yaml`; artifact paths are as given (the CLI makes them relative to its working directory).
 */
export function renderSarif(report: PolicyReport, resources: RecordedResource[], options: { version: string; programFile: string }): string {
    const rules = report.policies.map(rule);
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = findingsOf(report, resources).map((finding) => ({
        ruleId: finding.violation.policyName,
        ruleIndex: ruleIndex.get(finding.violation.policyName) ?? -1,
        level: SARIF_LEVEL[finding.violation.level],
        message: { text: `${finding.resource ? `${finding.resource.type} "${finding.resource.name}": ` : ""}${finding.violation.message}` },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: finding.source?.file ?? options.programFile },
                    region: { startLine: finding.source?.line ?? 1 },
                },
                logicalLocations: [{ name: finding.resource?.name ?? finding.violation.urn, fullyQualifiedName: finding.violation.urn, kind: "resource" }],
            },
        ],
        partialFingerprints: { "pulumiUrn/v1": `${finding.violation.policyName}:${finding.violation.urn}` },
    }));
    const sarif = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "aws-euc", informationUri: "https://www.npmjs.com/package/pulumi-aws-euc", version: options.version, rules } },
                results,
            },
        ],
    };
    return JSON.stringify(sarif, null, 2);
}
