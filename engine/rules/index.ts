import type { MockCloud } from "../cloud";
import { appstreamRules } from "./appstream";
import { AwsRefusal } from "./awsError";
import { cloudfrontRules } from "./cloudfront";
import type { AcceptedResource, AwsRule, RuleContext } from "./rule";
import { workspacesRules } from "./workspaces";

export { AwsRefusal } from "./awsError";
export { fleetChange, withOldValues } from "./appstream";
export type { FleetChange } from "./appstream";
export type { AcceptedResource, AwsRule, RuleContext } from "./rule";

/** Every rule of the mock cloud, by service file. */
export const AWS_RULES: readonly AwsRule[] = [...cloudfrontRules, ...appstreamRules, ...workspacesRules];

const byType = new Map<string, AwsRule[]>();
for (const rule of AWS_RULES) {
    for (const type of rule.types) {
        byType.set(type, [...(byType.get(type) ?? []), rule]);
    }
}

/** Checks a create request against AWS's rules; throws the `AwsRefusal` AWS would answer. */
export function checkAwsRules(
    cloud: MockCloud,
    accepted: readonly AcceptedResource[],
    request: { type: string; name: string; inputs: Record<string, any>; region: string },
): void {
    const rules = byType.get(request.type);
    if (!rules) {
        return;
    }
    const ctx: RuleContext = {
        cloud,
        ...request,
        accepted,
        refuse(code, message) {
            throw new AwsRefusal(code, message, { type: request.type, name: request.name });
        },
    };
    for (const rule of rules) {
        rule.check(ctx);
    }
}
