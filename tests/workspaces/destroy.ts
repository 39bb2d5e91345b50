import type { RecordedResource } from "../engine";
import { deleteRefusal } from "../../engine/rules/workspaces";

/** One step of a simulated `pulumi destroy`. */
export interface DestroyStep {
    name: string;
    type: string;
    action: "delete" | "retain";
}

/**
 * What `pulumi destroy` of a planned stack would do: custom resources in reverse dependency order
 * (nothing goes while something that depends on it remains), a retained one only leaves the state,
 * and each delete is checked against what is still in the account (retained resources included).
 * Stops at the first delete AWS would refuse.
 */
export function simulateDestroy(resources: RecordedResource[]): { steps: DestroyStep[]; refusal?: string } {
    const remaining = resources.filter((r) => r.custom);
    const inAccount = [...remaining];
    const steps: DestroyStep[] = [];
    while (remaining.length > 0) {
        // The last registered resource that nothing remaining depends on.
        const next = [...remaining].reverse().find((r) => !remaining.some((o) => o !== r && o.dependencies.includes(r.urn)))!;
        remaining.splice(remaining.indexOf(next), 1);
        if (next.options.retainOnDelete) {
            steps.push({ name: next.name, type: next.type, action: "retain" });
            continue;
        }
        const refusal = deleteRefusal(next, inAccount.filter((r) => r !== next));
        if (refusal) {
            return { steps, refusal: `deleting ${next.name}: ${refusal}` };
        }
        inAccount.splice(inAccount.indexOf(next), 1);
        steps.push({ name: next.name, type: next.type, action: "delete" });
    }
    return { steps };
}
