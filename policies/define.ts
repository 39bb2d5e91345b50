import type {
    EnforcementLevel,
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy/policy";

/** Public control ids a policy implements. */
export interface Controls {
    /** AWS Security Hub (Foundational Security Best Practices) control ids, e.g. `CloudFront.3`. */
    securityHub?: string[];
    /** Checkov check ids, e.g. `CKV_AWS_34`. */
    checkov?: string[];
    /** Prowler check ids. */
    prowler?: string[];
}

/** A policy of this pack: the SDK's fields plus its controls and the resource types it reads. */
interface PolicySpec {
    name: string;
    /** One sentence: what must hold. Control ids are appended. */
    description: string;
    severity: Severity;
    controls: Controls;
    remediationSteps: string;
    url: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: PolicyConfigSchema;
}

/** A check of one resource: its props (inputs, plus outputs when known) and its config. */
export type ResourceCheck = (props: Record<string, any>, report: ReportViolation, args: ResourceValidationArgs) => void;

/**
 * A safe fix of one resource's props. It gets a plain copy it may change, and returns it when it
 * changed something, or undefined when there was nothing to fix.
 */
export type ResourceFix = (props: Record<string, any>, args: ResourceValidationArgs) => Record<string, any> | undefined;

/** Every policy is tagged `aws-euc`, its service, and one tag per control id. */
function tagsOf(name: string, controls: Controls): string[] {
    return [
        "aws-euc",
        name.split("-")[0],
        ...(controls.securityHub ?? []).map((id) => `securityhub:${id}`),
        ...(controls.checkov ?? []).map((id) => `checkov:${id}`),
        ...(controls.prowler ?? []).map((id) => `prowler:${id}`),
    ];
}

/** "Security Hub CloudFront.3; Checkov CKV_AWS_34", or "" when there are none. */
export function controlsText(controls: Controls): string {
    return [
        controls.securityHub?.length ? `Security Hub ${controls.securityHub.join(", ")}` : "",
        controls.checkov?.length ? `Checkov ${controls.checkov.join(", ")}` : "",
        controls.prowler?.length ? `Prowler ${controls.prowler.join(", ")}` : "",
    ]
        .filter(Boolean)
        .join("; ");
}

function common(spec: PolicySpec) {
    const controls = controlsText(spec.controls);
    return {
        name: spec.name,
        description: controls ? `${spec.description} (${controls})` : spec.description,
        severity: spec.severity,
        enforcementLevel: spec.enforcementLevel,
        remediationSteps: spec.remediationSteps,
        url: spec.url,
        tags: tagsOf(spec.name, spec.controls),
        configSchema: spec.configSchema,
        framework: spec.controls.securityHub?.length
            ? {
                  name: "AWS Foundational Security Best Practices",
                  version: "1.0.0",
                  reference: spec.controls.securityHub.join(", "),
                  specification: spec.url,
              }
            : undefined,
    };
}

/** A policy that checks each resource of `types` (and may fix it). */
export function resourcePolicy(
    spec: PolicySpec & { types: string[]; check: ResourceCheck; fix?: ResourceFix },
): ResourceValidationPolicy {
    return {
        ...common(spec),
        validateResource: (args, report) => {
            if (!spec.types.includes(args.type)) {
                return;
            }
            spec.check(args.props, report, args);
        },
        remediateResource: spec.fix
            ? (args) => (spec.types.includes(args.type) ? spec.fix!(copyOf(args.props), args) : undefined)
            : undefined,
    };
}

/** A policy that looks at the whole stack (relations between resources). */
export function stackPolicy(
    spec: PolicySpec & { check: (args: StackValidationArgs, report: ReportViolation) => void },
): StackValidationPolicy {
    return { ...common(spec), validateStack: spec.check };
}

/** A plain deep copy of props (the SDK hands policies a read-only proxy). */
function copyOf<T>(props: T): T {
    return JSON.parse(JSON.stringify(props)) as T;
}

/** Security Hub's documentation page of a control, e.g. `CloudFront.3`. */
export function securityHubUrl(control: string): string {
    const [service, number] = control.split(".");
    return `https://docs.aws.amazon.com/securityhub/latest/userguide/${service.toLowerCase()}-controls.html#${service.toLowerCase()}-${number}`;
}
