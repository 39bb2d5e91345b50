import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceRemediation,
    ResourceValidation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidation,
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

/**
 * The SDK's routing key. `Analyze` and `Remediate` skip a policy whose single validation (or
 * remediation) function carries `__pulumiType` for every resource of another type, before they
 * deserialize its properties (`@pulumi/policy` server.js); generated resource classes carry the
 * same static, which is how `validateResourceOfType` routes.
 */
function routedTo<F extends object>(type: string, fn: F): F {
    return Object.assign(fn, { __pulumiType: type });
}

/** The types each resource policy declared, by policy name (what routing must reproduce). */
export const DECLARED_TYPES = new Map<string, readonly string[]>();

/**
 * A policy that checks each resource of `types` (and may fix it). A policy of one type is routed
 * by the SDK: other resources are never deserialized for it. A policy of several types stays one
 * untyped function that checks the type itself: the SDK skips nothing for a list of typed
 * validations, and runs (and deserializes for) every element of the list on every resource.
 */
export function resourcePolicy(
    spec: PolicySpec & { types: string[]; check: ResourceCheck; fix?: ResourceFix },
): ResourceValidationPolicy {
    const applies = (type: string) => spec.types.includes(type);
    const validate: ResourceValidation = (args, report) => {
        if (applies(args.type)) {
            spec.check(args.props, report, args);
        }
    };
    const remediate: ResourceRemediation | undefined = spec.fix
        ? (args) => (applies(args.type) ? spec.fix!(copyOf(args.props), args) : undefined)
        : undefined;
    const [only] = spec.types.length === 1 ? spec.types : [];
    DECLARED_TYPES.set(spec.name, spec.types);
    return {
        ...common(spec),
        validateResource: only ? routedTo(only, validate) : validate,
        remediateResource: remediate && only ? routedTo(only, remediate) : remediate,
    };
}

/**
 * The resources of one `AnalyzeStack` call by type, indexed in one pass the first time a
 * policy asks (the SDK hands each stack policy its own copy of the resources).
 */
export class ResourcesByType {
    private index?: Map<string, PolicyResource[]>;

    constructor(private readonly resources: PolicyResource[]) {}

    /** The resources of `type`, in stack order. */
    of(type: string): PolicyResource[] {
        if (!this.index) {
            this.index = new Map();
            for (const resource of this.resources) {
                const list = this.index.get(resource.type);
                if (list) {
                    list.push(resource);
                } else {
                    this.index.set(resource.type, [resource]);
                }
            }
        }
        return this.index.get(type) ?? [];
    }
}

/** A check of the whole stack, with its resources indexed by type. */
export type StackCheck = (args: StackValidationArgs, report: ReportViolation, resources: ResourcesByType) => void;

/** The type each stack policy reports on, by policy name. */
export const STACK_SUBJECTS = new Map<string, string>();

/**
 * A policy that looks at the whole stack (relations between resources). `subject` is the type
 * whose resources it reports on: a stack without one is skipped by the SDK before it
 * deserializes anything for this policy.
 */
export function stackPolicy(spec: PolicySpec & { subject?: string; check: StackCheck }): StackValidationPolicy {
    if (spec.subject) {
        STACK_SUBJECTS.set(spec.name, spec.subject);
    }
    const validate: StackValidation = (args, report) => spec.check(args, report, new ResourcesByType(args.resources));
    return { ...common(spec), validateStack: spec.subject ? routedTo(spec.subject, validate) : validate };
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
