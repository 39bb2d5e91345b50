import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, nameKey } from "../shared";
import { awsSafeName } from "./awsNames";
import { createCachePolicy } from "./cachePolicies";
import type { BehaviorArgs, PathBehaviorArgs } from "./distributionArgs";
import {
    MANAGED_CACHE_POLICIES,
    MANAGED_ORIGIN_REQUEST_POLICIES,
    MANAGED_RESPONSE_HEADERS_POLICIES,
} from "./managedPolicies";

type DefaultBehaviorInput = aws.types.input.cloudfront.DistributionDefaultCacheBehavior;
type OrderedBehaviorInput = aws.types.input.cloudfront.DistributionOrderedCacheBehavior;

const METHODS = {
    GET_HEAD: ["GET", "HEAD"],
    GET_HEAD_OPTIONS: ["GET", "HEAD", "OPTIONS"],
    ALL: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
} as const;

/** What the behaviors share: where they go by default and the distribution's headers policy. */
export interface BehaviorContext {
    /** Component name, the prefix of created cache policies. */
    name: string;
    parent: pulumi.Resource;
    /** The origin used when a behavior names none (validation guarantees there is exactly one). */
    defaultTarget: string;
    /** The security-headers policy, unless the user opted out. */
    securityHeadersPolicyId: pulumi.Input<string> | undefined;
}

/** The built behaviors and the cache policies created for them, keyed by behavior. */
export interface BuiltBehaviors {
    defaultBehavior: DefaultBehaviorInput;
    orderedBehaviors: OrderedBehaviorInput[];
    cachePolicies: Record<string, aws.cloudfront.CachePolicy>;
}

/** Builds the default and path behaviors, creating a cache policy for each `{ custom }` one. */
export function buildBehaviors(
    context: BehaviorContext,
    defaultBehavior: BehaviorArgs,
    pathBehaviors: PathBehaviorArgs[],
): BuiltBehaviors {
    const cachePolicies: Record<string, aws.cloudfront.CachePolicy> = {};
    const cachePolicyId = (key: string, behavior: BehaviorArgs, label: string): pulumi.Input<string> => {
        const policy = behavior.cachePolicy ?? "CachingOptimized";
        if (typeof policy === "string") {
            return MANAGED_CACHE_POLICIES[policy];
        }
        if ("id" in policy) {
            return policy.id;
        }
        const created = createCachePolicy(cachePolicyResourceName(context.name, key), policy.custom, `${context.name}: ${label}`, context.parent);
        cachePolicies[key] = created;
        return created.id;
    };
    return {
        defaultBehavior: behaviorInput(context, defaultBehavior, cachePolicyId("default", defaultBehavior, "default behavior")),
        orderedBehaviors: pathBehaviors.map((behavior) => ({
            pathPattern: behavior.pathPattern,
            ...behaviorInput(
                context,
                behavior,
                cachePolicyId(nameKey(behavior.pathPattern), behavior, behavior.pathPattern),
            ),
        })),
        cachePolicies,
    };
}

/** The Pulumi (and so AWS) name of a behavior's cache policy: `<name>-cache-<key>`, dots and wildcards made safe. */
function cachePolicyResourceName(name: string, behaviorKey: string): string {
    return awsSafeName(childName(name, "cache", behaviorKey));
}

function behaviorInput(
    context: BehaviorContext,
    behavior: BehaviorArgs,
    cachePolicyId: pulumi.Input<string>,
): DefaultBehaviorInput {
    const allowed = behavior.allowedMethods ?? "GET_HEAD";
    return {
        targetOriginId: behavior.origin ?? context.defaultTarget,
        viewerProtocolPolicy: behavior.viewerProtocolPolicy ?? "redirect-to-https",
        allowedMethods: [...METHODS[allowed]],
        cachedMethods: behavior.cacheOptions ? [...METHODS.GET_HEAD_OPTIONS] : [...METHODS.GET_HEAD],
        compress: behavior.compress ?? true,
        cachePolicyId,
        originRequestPolicyId: policyId(behavior.originRequestPolicy, MANAGED_ORIGIN_REQUEST_POLICIES),
        responseHeadersPolicyId:
            policyId(behavior.responseHeadersPolicy, MANAGED_RESPONSE_HEADERS_POLICIES) ?? context.securityHeadersPolicyId,
        functionAssociations: (behavior.functions ?? []).map((f) => ({ eventType: f.eventType, functionArn: f.functionArn })),
        lambdaFunctionAssociations: (behavior.edgeLambdas ?? []).map((l) => ({
            eventType: l.eventType,
            lambdaArn: l.lambdaArn,
            includeBody: l.includeBody ?? false,
        })),
    };
}

function policyId(
    policy: string | { id: pulumi.Input<string> } | undefined,
    managed: Record<string, string>,
): pulumi.Input<string> | undefined {
    if (policy === undefined) {
        return undefined;
    }
    return typeof policy === "string" ? managed[policy] : policy.id;
}
