import type { RecordedResource } from "../../engine";
import type { PolicyReport } from "../../plan/policyReport";
import type { PolicyInfo, Violation } from "../../plan/policyServer";

/** One violation with what every report format needs to show it. */
export interface Finding {
    violation: Violation;
    policy?: PolicyInfo;
    resource?: RecordedResource;
    /** The program file and line that created the resource (or its nearest ancestor), when known. */
    source?: { file: string; line: number };
    /** Control ids cited by the policy, e.g. `CloudFront.3`, `CKV_AWS_34`. */
    controls: string[];
}

/** The control ids among a policy's tags (`securityhub:CloudFront.3` → `CloudFront.3`). */
export function controlsOf(policy: PolicyInfo | undefined): string[] {
    return (policy?.tags ?? []).filter((tag) => /^(securityhub|checkov|prowler):/.test(tag)).map((tag) => tag.slice(tag.indexOf(":") + 1));
}

/** The violations of a report, each with its policy, resource and source position. */
export function findingsOf(report: PolicyReport, resources: RecordedResource[]): Finding[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const policies = new Map(report.policies.map((p) => [p.name, p]));
    const sourceOf = (resource: RecordedResource | undefined): Finding["source"] => {
        for (let r = resource; r; r = r.parent ? byUrn.get(r.parent) : undefined) {
            if (r.source) {
                return r.source;
            }
        }
        return undefined;
    };
    return report.violations.map((violation) => {
        const resource = byUrn.get(violation.urn);
        const policy = policies.get(violation.policyName);
        return { violation, policy, resource, source: sourceOf(resource), controls: controlsOf(policy) };
    });
}

/** The custom resource types of a plan, sorted. */
export function typesOf(resources: RecordedResource[]): string[] {
    return [...new Set(resources.filter((r) => r.custom).map((r) => r.type))].sort();
}
