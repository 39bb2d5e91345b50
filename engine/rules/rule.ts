import type { MockCloud } from "../cloud";

/** A resource the mock cloud has already accepted in this plan. */
export interface AcceptedResource {
    type: string;
    name: string;
    inputs: Record<string, any>;
    /** Region of the resource: its `region` input or the stack's. */
    region: string;
}

/** What a rule sees of one create request. */
export interface RuleContext {
    cloud: MockCloud;
    type: string;
    name: string;
    inputs: Record<string, any>;
    region: string;
    /** Every resource accepted so far in this plan (for uniqueness and per-account quotas). */
    accepted: readonly AcceptedResource[];
    /** Throws the refusal AWS would answer. */
    refuse(code: string, message: string): never;
}

/**
 * One rule of AWS's, checked when a resource of `types` is created: a pattern, a length, a
 * uniqueness, a quota. It returns normally when AWS would accept the request and calls
 * `ctx.refuse` otherwise. Unknown inputs (values known only after deployment) are `undefined`.
 */
export interface AwsRule {
    /** Pulumi types the rule applies to. */
    types: readonly string[];
    /** Short statement of the rule and where it comes from (API model shape, guide page). */
    description: string;
    check(ctx: RuleContext): void;
}
