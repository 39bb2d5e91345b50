import { ArgumentProblems, isPlain, nameKey, oneOf, parseArn, show, CLOUDFRONT_REGION } from "../shared";
import type { BehaviorArgs, CustomCachePolicyArgs, DistributionArgs } from "./distributionArgs";
import {
    EDGE_LAMBDA_EVENT_TYPES,
    FUNCTION_EVENT_TYPES,
    MANIFEST_TTL,
    MAX_TTL_SECONDS,
    PATH_PATTERN,
    SEGMENT_TTL,
    VIEWER_PROTOCOL_POLICIES,
} from "./limits";
import {
    MANAGED_CACHE_POLICIES,
    MANAGED_ORIGIN_REQUEST_POLICIES,
    MANAGED_RESPONSE_HEADERS_POLICIES,
} from "./managedPolicies";
import { MEDIA_PATH_PATTERNS } from "./mediaStreaming";
import { awsSafeName } from "./awsNames";

const ALLOWED_METHODS = ["GET_HEAD", "GET_HEAD_OPTIONS", "ALL"] as const;

/** Checks the default and path behaviors and the media-streaming preset. */
export function validateBehaviors(args: DistributionArgs, problems: ArgumentProblems): void {
    const targets = [...Object.keys(args.origins ?? {}), ...Object.keys(args.originGroups ?? {})];
    const groups = Object.keys(args.originGroups ?? {});
    validateBehavior("defaultBehavior", args.defaultBehavior ?? {}, targets, groups, problems);
    const seen = new Set<string>();
    // Custom cache policies are named after their behavior's key; two of them must not share one.
    const policyKeys = new Map<string, string>(isCustom(args.defaultBehavior) ? [["default", "the default behavior"]] : []);
    for (const [i, behavior] of (args.behaviors ?? []).entries()) {
        const path = `behaviors[${i}]`;
        validateBehavior(path, behavior, targets, groups, problems);
        problems.require(
            PATH_PATTERN.test(behavior.pathPattern ?? ""),
            `${path}.pathPattern`,
            `${show(behavior.pathPattern)} is not a path pattern; use at most 255 characters of ` +
                `A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + & ? (e.g. '/api/*' or '*.jpg')`,
        );
        problems.require(
            !seen.has(behavior.pathPattern),
            `${path}.pathPattern`,
            `${show(behavior.pathPattern)} is used by an earlier behavior; each path pattern may appear once`,
        );
        seen.add(behavior.pathPattern);
        if (isCustom(behavior)) {
            const key = awsSafeName(nameKey(behavior.pathPattern ?? ""));
            const owner = policyKeys.get(key);
            problems.require(
                owner === undefined,
                `${path}.pathPattern`,
                `${show(behavior.pathPattern)} names its cache policy like ${owner} (key ${show(key)}); change one of the patterns or reuse a policy by { id }`,
            );
            policyKeys.set(key, `behavior ${show(behavior.pathPattern)}`);
        }
    }
    if (args.mediaStreaming) {
        const media = args.mediaStreaming;
        problems.require(
            targets.includes(media.origin),
            "mediaStreaming.origin",
            `${show(media.origin)} is not an origin key; use one of ${oneOf(targets)}`,
        );
        problems.requireRange(media.manifestTtl, MANIFEST_TTL, "mediaStreaming.manifestTtl", " seconds");
        problems.requireRange(media.segmentTtl, SEGMENT_TTL, "mediaStreaming.segmentTtl", " seconds");
        for (const pattern of MEDIA_PATH_PATTERNS) {
            problems.require(
                !seen.has(pattern),
                "mediaStreaming",
                `the preset's path pattern ${show(pattern)} is also in \`behaviors\`; remove one of them`,
            );
        }
    }
}

function isCustom(behavior: BehaviorArgs | undefined): boolean {
    const policy = behavior?.cachePolicy;
    return typeof policy === "object" && "custom" in policy;
}

function validateBehavior(path: string, behavior: BehaviorArgs, targets: string[], groups: string[], problems: ArgumentProblems): void {
    const target = behavior.origin ?? (targets.length === 1 ? targets[0] : undefined);
    if (target !== undefined && groups.includes(target)) {
        problems.require(
            behavior.allowedMethods !== "ALL",
            `${path}.allowedMethods`,
            `'ALL' is not allowed on origin group ${show(target)}: failover only retries GET, HEAD and OPTIONS; use 'GET_HEAD' or 'GET_HEAD_OPTIONS'`,
        );
    }
    if (targets.length === 0) {
        // `origins` already reports that there is nothing to route to.
    } else if (behavior.origin === undefined) {
        problems.require(
            targets.length === 1,
            `${path}.origin`,
            `is required when there are ${targets.length} origins and groups; use one of ${oneOf(targets)}`,
        );
    } else {
        problems.require(
            targets.includes(behavior.origin),
            `${path}.origin`,
            `${show(behavior.origin)} is not an origin or origin group key; use one of ${oneOf(targets)}`,
        );
    }
    problems.requireOneOf<string>(behavior.viewerProtocolPolicy, VIEWER_PROTOCOL_POLICIES, `${path}.viewerProtocolPolicy`);
    problems.requireOneOf<string>(behavior.allowedMethods, ALLOWED_METHODS, `${path}.allowedMethods`);
    if (behavior.cacheOptions) {
        problems.require(
            behavior.allowedMethods !== undefined && behavior.allowedMethods !== "GET_HEAD",
            `${path}.cacheOptions`,
            "caching OPTIONS needs `allowedMethods` 'GET_HEAD_OPTIONS' or 'ALL'",
        );
    }
    const cache = behavior.cachePolicy;
    if (typeof cache === "string") {
        managedName(cache, MANAGED_CACHE_POLICIES, `${path}.cachePolicy`, "cache", problems);
    } else if (cache && "custom" in cache) {
        validateTtls(`${path}.cachePolicy.custom`, cache.custom, problems);
    }
    if (typeof behavior.originRequestPolicy === "string") {
        managedName(behavior.originRequestPolicy, MANAGED_ORIGIN_REQUEST_POLICIES, `${path}.originRequestPolicy`, "origin request", problems);
    }
    if (typeof behavior.responseHeadersPolicy === "string") {
        managedName(behavior.responseHeadersPolicy, MANAGED_RESPONSE_HEADERS_POLICIES, `${path}.responseHeadersPolicy`, "response headers", problems);
    }
    onePerEvent(behavior.functions ?? [], FUNCTION_EVENT_TYPES, `${path}.functions`, problems);
    onePerEvent(behavior.edgeLambdas ?? [], EDGE_LAMBDA_EVENT_TYPES, `${path}.edgeLambdas`, problems);
    // CloudFront runs one kind of edge code per viewer event: a Function or a Lambda@Edge, not both.
    const functionEvents = new Set((behavior.functions ?? []).map((f) => f.eventType as string));
    for (const [i, lambda] of (behavior.edgeLambdas ?? []).entries()) {
        problems.require(
            !functionEvents.has(lambda.eventType),
            `${path}.edgeLambdas[${i}].eventType`,
            `${show(lambda.eventType)} already runs a CloudFront Function (\`functions\`); CloudFront takes a Function or a Lambda@Edge per viewer event, not both`,
        );
    }
    for (const [i, lambda] of (behavior.edgeLambdas ?? []).entries()) {
        const lambdaPath = `${path}.edgeLambdas[${i}]`;
        if (isPlain(lambda.lambdaArn)) {
            const arn = parseArn(lambda.lambdaArn);
            const qualifier = arn?.resource.split(":")[2];
            problems.require(
                arn?.service === "lambda" && arn.region === CLOUDFRONT_REGION && !!qualifier && qualifier !== "$LATEST",
                `${lambdaPath}.lambdaArn`,
                `${show(lambda.lambdaArn)} must be a versioned Lambda function ARN in ${CLOUDFRONT_REGION} ` +
                    "(arn:aws:lambda:us-east-1:<account>:function:<name>:<version>)",
            );
        }
        if (lambda.includeBody) {
            problems.require(
                lambda.eventType.endsWith("request"),
                `${lambdaPath}.includeBody`,
                `a ${show(lambda.eventType)} function cannot read the request body; use a request event`,
            );
        }
    }
}

function validateTtls(path: string, custom: CustomCachePolicyArgs, problems: ArgumentProblems): void {
    const range = { min: 0, max: MAX_TTL_SECONDS };
    problems.requireRange(custom.minTtl, range, `${path}.minTtl`, " seconds");
    problems.requireRange(custom.defaultTtl, range, `${path}.defaultTtl`, " seconds");
    problems.requireRange(custom.maxTtl, range, `${path}.maxTtl`, " seconds");
    const min = custom.minTtl ?? 0;
    const max = custom.maxTtl ?? MAX_TTL_SECONDS;
    const def = custom.defaultTtl ?? Math.min(Math.max(86400, min), max);
    problems.require(
        min <= def && def <= max,
        path,
        `TTLs must satisfy minTtl ≤ defaultTtl ≤ maxTtl; got ${min} ≤ ${def} ≤ ${max}`,
    );
    for (const part of ["queryStrings", "cookies"] as const) {
        const value = custom[part];
        problems.require(
            !Array.isArray(value) || value.length > 0,
            `${path}.${part}`,
            "[] is an empty allow list, which CloudFront refuses; use 'none' to leave them out of the cache key, or list names",
        );
    }
    if (max === 0) {
        const keyed = [custom.queryStrings, custom.cookies].some((v) => v !== undefined && v !== "none") || (custom.headers ?? []).length > 0;
        problems.require(!keyed, path, "a policy that caches nothing (maxTtl 0) cannot have cache-key query strings, headers or cookies; use the managed 'CachingDisabled' with an origin request policy instead");
    }
}

function managedName(
    name: string,
    table: Record<string, string>,
    path: string,
    kind: string,
    problems: ArgumentProblems,
): void {
    problems.require(
        name in table,
        path,
        `${show(name)} is not an AWS managed ${kind} policy; use one of ${oneOf(Object.keys(table))}, or { id } of your own`,
    );
}

function onePerEvent(
    items: { eventType: string }[],
    allowed: readonly string[],
    path: string,
    problems: ArgumentProblems,
): void {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
        problems.requireOneOf<string>(item.eventType, allowed, `${path}[${i}].eventType`);
        problems.require(
            !seen.has(item.eventType),
            `${path}[${i}].eventType`,
            `${show(item.eventType)} already has a function; a behavior takes one per event type`,
        );
        seen.add(item.eventType);
    }
}
