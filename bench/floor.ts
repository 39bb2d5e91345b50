import * as pulumi from "@pulumi/pulumi";
import type { RecordedResource } from "../engine";

/** What the floor program replays of one registration. */
export interface FloorResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    custom: boolean;
    remote: boolean;
    inputs: Record<string, any>;
}

const ROOT_STACK = "pulumi:pulumi:Stack";

/** A custom resource of any type, registered with exactly the inputs given. */
class RawResource extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: Record<string, any>, opts: pulumi.CustomResourceOptions) {
        super(type, name, inputs, opts);
    }
}

/** The registrations of a component program, in program order, without the root stack. */
export function floorOf(resources: readonly RecordedResource[]): FloorResource[] {
    return resources
        .filter((r) => r.type !== ROOT_STACK)
        .map(({ type, name, urn, parent, custom, remote, inputs }) => ({ type, name, urn, parent, custom, remote, inputs }));
}

/**
 * The raw-resource floor (or, `typed`, the same through the SDK classes): the same types, names, inputs and parents, registered as plain custom
 * resources (and bare components) with no component logic, no `apply` and no dependencies. It is
 * the least any program making these resources costs on the same engine.
 */
export function registerFloor(resources: readonly FloorResource[], typed = false): void {
    const made = new Map<string, pulumi.Resource>();
    for (const r of resources) {
        const opts = { parent: r.parent === undefined ? undefined : made.get(r.parent) };
        const sdkClass = typed && r.custom ? sdkClassOf(r.type) : undefined;
        const resource = sdkClass
            ? new sdkClass(r.name, r.inputs, opts)
            : r.custom
              ? new RawResource(r.type, r.name, r.inputs, opts)
              : new pulumi.ComponentResource(r.type, r.name, r.remote ? r.inputs : {}, opts, r.remote);
        made.set(r.urn, resource);
    }
}

type SdkClass = new (name: string, args: Record<string, any>, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * The `@pulumi/aws` or `@pulumi/random` class of a type token (`aws:workspaces/workspace:Workspace`
 * is `aws.workspaces.Workspace`), or `undefined` (dynamic resources stay plain).
 */
export function sdkClassOf(type: string): SdkClass | undefined {
    const match = /^(aws|random):([a-zA-Z0-9]+)\/[a-zA-Z0-9]+:([A-Za-z0-9]+)$/.exec(type);
    if (!match) {
        return undefined;
    }
    const [, pkg, module, name] = match;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = pkg === "aws" ? require("@pulumi/aws") : require("@pulumi/random");
    return (module === "index" ? sdk[name] : sdk[module]?.[name]) as SdkClass | undefined;
}
