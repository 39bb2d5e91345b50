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

/** The registrations of a component program, in program order, without the root stack. */
export function floorOf(resources: readonly RecordedResource[]): FloorResource[] {
    return resources
        .filter((r) => r.type !== ROOT_STACK)
        .map(({ type, name, urn, parent, custom, remote, inputs }) => ({ type, name, urn, parent, custom, remote, inputs }));
}

/**
 * The raw-resource floor: the same types, names, inputs and parents, registered as plain custom
 * resources (and bare components) with no component logic, no `apply` and no dependencies. It is
 * the least any program making these resources costs on the same engine.
 */
export function registerFloor(resources: readonly FloorResource[]): void {
    const made = new Map<string, pulumi.Resource>();
    for (const r of resources) {
        const opts = { parent: r.parent === undefined ? undefined : made.get(r.parent) };
        const resource = r.custom
            ? new pulumi.CustomResource(r.type, r.name, r.inputs, opts)
            : new pulumi.ComponentResource(r.type, r.name, r.remote ? r.inputs : {}, opts, r.remote);
        made.set(r.urn, resource);
    }
}
