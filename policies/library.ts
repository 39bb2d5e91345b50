import type { EnforcementLevel, Policies } from "@pulumi/policy/policy";
import { acmPolicies } from "./acm";
import { DECLARED_TYPES, STACK_SUBJECTS } from "./define";
import { appstreamPolicies } from "./appstream";
import { cloudfrontPolicies } from "./cloudfront";
import { directoryServicePolicies } from "./directoryService";
import { iamPolicies } from "./iam";
import { kmsPolicies } from "./kms";
import { route53Policies } from "./route53";
import { s3Policies } from "./s3";
import { statefulPolicies } from "./stateful";
import { wafPolicies } from "./waf";
import { workspacesPolicies } from "./workspaces";

/** Every policy of the pack with its default enforcement level. */
export const ALL_POLICIES: Policies = [
    ...cloudfrontPolicies,
    ...wafPolicies,
    ...acmPolicies,
    ...route53Policies,
    ...kmsPolicies,
    ...workspacesPolicies,
    ...directoryServicePolicies,
    ...appstreamPolicies,
    ...s3Policies,
    ...iamPolicies,
    ...statefulPolicies,
];

/** The enforcement levels `@pulumi/policy` knows. */
const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

export const POLICY_NAMES: readonly string[] = ALL_POLICIES.map((p) => p.name);

/** Enforcement levels by policy name; `all` applies to every policy not named. */
export type EnforcementLevels = { all?: EnforcementLevel } & Record<string, EnforcementLevel | undefined>;

/**
 * The pack's policies for an organisation's own `PolicyPack`, with enforcement levels chosen per
 * policy. Unknown names are rejected so that a typo does not silently leave a policy on.
 *
 * @example new PolicyPack("org", { policies: [...awsEucPolicies({ all: "advisory", "cloudfront-waf-attached": "mandatory" }), ...mine] })
 */
export function awsEucPolicies(levels: EnforcementLevels = {}): Policies {
    const unknown = Object.keys(levels).filter((name) => name !== "all" && !POLICY_NAMES.includes(name));
    if (unknown.length > 0) {
        throw new Error(`unknown policy name(s) ${unknown.map((n) => `'${n}'`).join(", ")}; known: ${POLICY_NAMES.join(", ")}`);
    }
    const badLevels = Object.entries(levels).filter(([, level]) => level !== undefined && !LEVELS.includes(level));
    if (badLevels.length > 0) {
        throw new Error(
            `unknown enforcement level(s) ${badLevels.map(([name, level]) => `${name}: ${JSON.stringify(level)}`).join(", ")}; use ${LEVELS.join(", ")}`,
        );
    }
    return ALL_POLICIES.map((policy) => ({
        ...policy,
        enforcementLevel: levels[policy.name] ?? levels.all ?? policy.enforcementLevel,
    }));
}

export { SECURE_VIEWER_TLS } from "./cloudfront";
export { DEFAULT_DEVICE_TYPES, DEFAULT_SELF_SERVICE } from "./workspaces";
export { SESSION_LIMITS } from "./appstream";
export { controlsText, type Controls } from "./define";

/**
 * Resource types some policy of the pack judges (resource policies' types, stack policies'
 * subjects). A plan's other types are unchecked: a clean report says nothing about them.
 */
export function judgedResourceTypes(): Set<string> {
    return new Set([...[...DECLARED_TYPES.values()].flat(), ...STACK_SUBJECTS.values()]);
}
