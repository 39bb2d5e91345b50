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
    /**
     * The names of the properties the resource was constructed with, set or not: an SDK class
     * passes every input and output it declares (unset ones `undefined`, which the wire form drops),
     * and the SDK gives each its own output on the resource object.
     */
    keys: string[];
}

/**
 * How the recording is replayed: `floor` as plain custom resources with the same property bag
 * (the recorded inputs, and every other property the resource was constructed with as
 * `undefined`); `bare` with the recorded inputs only; `typed` through the SDK classes.
 */
export type FloorMode = "floor" | "bare" | "typed";

const ROOT_STACK = "pulumi:pulumi:Stack";

/** A custom resource of any type, registered with exactly the inputs given. */
class RawResource extends pulumi.CustomResource {
    constructor(type: string, name: string, inputs: Record<string, any>, opts: pulumi.CustomResourceOptions) {
        super(type, name, inputs, opts);
    }
}

/** The registrations of a component program, in program order, without the root stack. */
export function floorOf(resources: readonly RecordedResource[], keysByUrn: ReadonlyMap<string, string[]>): FloorResource[] {
    return resources
        .filter((r) => r.type !== ROOT_STACK)
        .map(({ type, name, urn, parent, custom, remote, inputs }) => ({ type, name, urn, parent, custom, remote, inputs, keys: keysByUrn.get(urn) ?? [] }));
}

/** The recorded inputs, with every other property the resource was constructed with as `undefined`. */
function propertyBag(r: FloorResource): Record<string, any> {
    return { ...Object.fromEntries(r.keys.map((key) => [key, undefined])), ...r.inputs };
}

/**
 * The raw-resource floor (see {@link FloorMode}): the same types, names, properties and parents,
 * registered as plain custom resources (and bare components) with no component logic, no `apply`
 * and no dependencies. It is the least any program making these resources costs on the same engine.
 */
export function registerFloor(resources: readonly FloorResource[], mode: FloorMode): void {
    const made = new Map<string, pulumi.Resource>();
    for (const r of resources) {
        const opts = { parent: r.parent === undefined ? undefined : made.get(r.parent) };
        const sdkClass = mode === "typed" && r.custom ? sdkClassOf(r.type) : undefined;
        const props = mode === "floor" ? propertyBag(r) : r.inputs;
        const resource = sdkClass
            ? new sdkClass(r.name, r.inputs, opts)
            : r.custom
              ? new RawResource(r.type, r.name, props, opts)
              : new pulumi.ComponentResource(r.type, r.name, r.remote ? props : {}, opts, r.remote);
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
