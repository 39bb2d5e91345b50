import type { RecordedResource } from "../engine";

/**
 * The number of resources on the longest dependency path of a plan: the length of the longest
 * sequence of creations, each waiting for the one before. Parents count as dependencies too, as
 * the engine orders a child after its parent.
 */
export function longestDependencyChain(resources: readonly RecordedResource[]): number {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const depth = new Map<string, number>();
    const visit = (resource: RecordedResource): number => {
        const known = depth.get(resource.urn);
        if (known !== undefined) {
            return known;
        }
        depth.set(resource.urn, 0);
        const before = [...resource.dependencies, ...(resource.parent ? [resource.parent] : [])];
        const deepest = Math.max(0, ...before.map((urn) => byUrn.get(urn)).filter((r): r is RecordedResource => r !== undefined).map(visit));
        depth.set(resource.urn, deepest + 1);
        return deepest + 1;
    };
    return Math.max(0, ...resources.map(visit));
}
