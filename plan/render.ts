import { RecordedResource, UNKNOWN } from "../engine";
import type { PlannedOutput, PlanResult } from "./run";

const SECRET = "[secret]";
/** How `pulumi preview` shows a value known only after deployment. */
const UNKNOWN_TEXT = "output<unknown>";

/** The inputs worth a glance, per resource type; others show their region when they set one. */
const KEY_INPUTS: Record<string, string[]> = {
    "aws:cloudfront/distribution:Distribution": ["aliases", "priceClass", "viewerCertificate.minimumProtocolVersion", "defaultCacheBehavior.viewerProtocolPolicy"],
    "aws:acm/certificate:Certificate": ["domainName", "subjectAlternativeNames", "validationMethod", "region"],
    "aws:acm/certificateValidation:CertificateValidation": ["region"],
    "aws:route53/record:Record": ["name", "type"],
    "aws:wafv2/webAcl:WebAcl": ["scope", "region"],
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": ["rule.objectOwnership"],
    "aws:cloudwatch/metricAlarm:MetricAlarm": ["metricName", "threshold", "region"],
    "aws:cloudfront/originAccessControl:OriginAccessControl": ["originAccessControlOriginType", "signingBehavior"],
    "aws:cloudfront/cachePolicy:CachePolicy": ["minTtl", "defaultTtl", "maxTtl"],
    "aws:appstream/fleet:Fleet": ["fleetType", "instanceType", "imageName", "imageArn", "computeCapacity"],
    "aws:appstream/imageBuilder:ImageBuilder": ["instanceType", "imageName", "imageArn"],
    "aws:appautoscaling/target:Target": ["minCapacity", "maxCapacity"],
    "aws:appautoscaling/scheduledAction:ScheduledAction": ["schedule", "timezone"],
    "aws:appstream/user:User": ["userName"],
};

function at(value: any, path: string): unknown {
    return path.split(".").reduce((v, key) => (v === undefined || v === null ? undefined : v[key]), value);
}

/** A copy of `value` with the engine's unknown sentinel shown as `pulumi preview` shows it. */
function showUnknowns(value: unknown): any {
    if (value === UNKNOWN) {
        return UNKNOWN_TEXT;
    }
    if (Array.isArray(value)) {
        return value.map(showUnknowns);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, showUnknowns(v)]));
    }
    return value;
}

/** Inputs with every secret value replaced by `[secret]` and unknown values shown as `output<unknown>`. */
export function maskSecrets(resource: RecordedResource): Record<string, unknown> {
    const copy = showUnknowns(resource.inputs);
    for (const path of resource.secretInputs) {
        const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
        let node: any = copy;
        for (const key of keys.slice(0, -1)) {
            node = node?.[key];
        }
        if (node && typeof node === "object") {
            node[keys[keys.length - 1]] = SECRET;
        }
    }
    return copy;
}

function details(resource: RecordedResource): string {
    const inputs = maskSecrets(resource);
    const keys = KEY_INPUTS[resource.type] ?? ["region"];
    const parts = keys
        .map((key) => [key.split(".").pop(), at(inputs, key)] as const)
        .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
    if (resource.options.protect) {
        parts.push("[protected]");
    }
    if (resource.options.retainOnDelete) {
        parts.push("[retained on delete]");
    }
    return parts.join(" ");
}

function showOutput(output: PlannedOutput): string {
    if (output.secret) {
        return SECRET;
    }
    return output.known ? JSON.stringify(output.value) : UNKNOWN_TEXT;
}

/** `aws:cloudfront/distribution:Distribution` → `aws:cloudfront:Distribution`, as `pulumi preview` shows types. */
export function shortType(type: string): string {
    const match = /^([^:]+):([^/:]+)\/([^:]+):([^:]+)$/.exec(type);
    return match && match[3].toLowerCase() === match[4].toLowerCase() ? `${match[1]}:${match[2]}:${match[4]}` : type;
}

/** `text` cut to `width` characters, ending with `…` when cut. */
export function elide(text: string, width: number): string {
    if (width <= 0) {
        return "";
    }
    return text.length <= width ? text : `${text.slice(0, Math.max(width - 1, 0))}…`;
}

/** `text` broken at spaces into lines of at most `width` columns, continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = ""): string[] {
    const lead = /^ */.exec(text)![0];
    const lines: string[] = [];
    let line = lead;
    for (const word of text.slice(lead.length).split(" ")) {
        const candidate = line.trim() ? `${line} ${word}` : line + word;
        if (candidate.length > width && line.trim()) {
            lines.push(line);
            line = indent + word;
        } else {
            line = candidate;
        }
    }
    lines.push(line);
    return lines.map((l) => elide(l, width));
}

/** Columns of the output: the terminal's width, or 120 when not a terminal. */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
    return stream.isTTY && stream.columns ? stream.columns : 120;
}

/** The plan as text: the resource tree like `pulumi preview`, then outputs and a count, within `width` columns. */
export function renderText(plan: PlanResult, width = 120): string {
    const children = new Map<string | undefined, RecordedResource[]>();
    for (const r of plan.resources) {
        children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    }
    const rows: [string, string, string][] = [];
    const walk = (parent: string | undefined, prefix: string) => {
        const list = children.get(parent) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
            rows.push([`${prefix}${branch}${shortType(r.type)}`, r.name, details(r)]);
            walk(r.urn, parent === undefined ? "" : prefix + (last ? "   " : "│  "));
        });
    };
    walk(undefined, "");
    // Wide columns are capped so that one long name does not push every row's details away.
    const typeWidth = Math.min(Math.max(4, ...rows.map(([t]) => t.length)), Math.floor(width * 0.33));
    const nameWidth = Math.min(Math.max(4, ...rows.map(([, n]) => n.length)), Math.floor(width * 0.25));
    const row = (mark: string, t: string, n: string, d: string) => {
        const head = `${mark}   ${elide(t, typeWidth).padEnd(typeWidth)}  ${elide(n, nameWidth).padEnd(nameWidth)}  `;
        return (head + elide(d, width - head.length)).trimEnd();
    };
    const lines = [
        elide(`Offline plan of project ${plan.project.name}, stack ${plan.stack} (mock engine: no cloud calls, nothing created)`, width),
        "",
        row(" ", "Type", "Name", "Details"),
        ...rows.map(([t, n, d]) => row(" +", t, n, d)),
        "",
        "Outputs:",
        ...Object.entries(plan.outputs).map(([k, o]) => elide(`    ${k}: ${showOutput(o)}`, width)),
        "",
        "Resources:",
        `    + ${plan.resources.length} to create`,
    ];
    return lines.join("\n");
}

/** The plan as JSON for machines. */
export function renderJson(plan: PlanResult): string {
    return JSON.stringify(
        {
            project: plan.project.name,
            stack: plan.stack,
            resources: plan.resources.map((r) => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                parent: r.parent,
                inputs: maskSecrets(r),
                dependencies: r.dependencies,
                options: r.options,
            })),
            outputs: Object.fromEntries(Object.entries(plan.outputs).map(([k, o]) => [k, o.secret || !o.known ? showOutput(o) : o.value])),
            summary: { create: plan.resources.length },
        },
        null,
        2,
    );
}
