import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CustomCachePolicyArgs } from "./distributionArgs";
import { fitComment } from "./awsNames";
import { MAX_POLICY_COMMENT, MAX_TTL_SECONDS } from "./limits";
import { configDigest, sharedInStack } from "./stackShared";

type NamedList = "none" | "all" | string[] | undefined;

function listConfig(value: NamedList): { behavior: string; items?: { items: string[] } } {
    if (value === undefined || value === "none") {
        return { behavior: "none" };
    }
    if (value === "all") {
        return { behavior: "all" };
    }
    return { behavior: "whitelist", items: { items: value } };
}

/** The arguments of a cache policy built from TTLs and cache-key parts, with gzip and brotli on. */
export function cachePolicyArgs(custom: CustomCachePolicyArgs, comment: string): aws.cloudfront.CachePolicyArgs {
    const minTtl = custom.minTtl ?? 0;
    const maxTtl = custom.maxTtl ?? MAX_TTL_SECONDS;
    const queryStrings = listConfig(custom.queryStrings);
    const cookies = listConfig(custom.cookies);
    const headers = custom.headers?.length ? listConfig(custom.headers) : listConfig("none");
    // CloudFront refuses compression settings on a policy that caches nothing.
    const caches = maxTtl > 0;
    return {
        comment: fitComment(comment, MAX_POLICY_COMMENT),
        minTtl,
        maxTtl,
        defaultTtl: custom.defaultTtl ?? Math.min(Math.max(86400, minTtl), maxTtl),
        parametersInCacheKeyAndForwardedToOrigin: {
            enableAcceptEncodingGzip: caches,
            enableAcceptEncodingBrotli: caches,
            queryStringsConfig: { queryStringBehavior: queryStrings.behavior, queryStrings: queryStrings.items },
            cookiesConfig: { cookieBehavior: cookies.behavior, cookies: cookies.items },
            headersConfig: { headerBehavior: headers.behavior, headers: headers.items },
        },
    };
}

/** Creates a cache policy from TTLs. */
export function createCachePolicy(
    resourceName: string,
    custom: CustomCachePolicyArgs,
    comment: string,
    parent: pulumi.Resource,
): aws.cloudfront.CachePolicy {
    return new aws.cloudfront.CachePolicy(resourceName, cachePolicyArgs(custom, comment), { parent });
}

/** A cache policy shared by every distribution of the stack that asks for the same settings. */
export function sharedCachePolicy(role: string, custom: CustomCachePolicyArgs, parent: pulumi.Resource): aws.cloudfront.CachePolicy {
    const resourceName = `aws-euc-${role}-${configDigest(cachePolicyArgs(custom, ""))}`;
    return sharedInStack(resourceName, () => createCachePolicy(resourceName, custom, `aws-euc ${role}, shared by the distributions of this stack`, parent));
}
