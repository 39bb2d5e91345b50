import type { PolicyResource } from "@pulumi/policy/policy";
import { UnknownValueError } from "@pulumi/policy";

/**
 * Reads a value that may be unknown during a preview (an output not computed yet), giving
 * undefined instead of letting the SDK stop the whole policy. Only for stack policies that have
 * another way to find the relation (dependencies); a policy never reports from an unknown value.
 */
export function peek<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return undefined;
        }
        throw error;
    }
}

/**
 * Whether `object[key]` holds a value: a known non-empty one, or one the engine will know after
 * deployment (an ARN of a resource being created is set, even while unknown).
 */
export function isSet(object: Record<string, any> | undefined, key: string): boolean {
    try {
        return Boolean(object?.[key]);
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return true;
        }
        throw error;
    }
}

/**
 * Whether `resource` takes an input from `target`: through `property` when the engine sent
 * property dependencies (a real preview does), else through any input.
 */
export function dependsOn(resource: PolicyResource, target: PolicyResource, property?: string): boolean {
    // With property dependencies, a property missing from them depends on nothing.
    const byProperty = property && hasPropertyDependencies(resource) ? (resource.propertyDependencies[property] ?? []) : undefined;
    return (byProperty ?? resource.dependencies ?? []).some((d) => d.urn === target.urn);
}

/** Whether the engine told which inputs depend on which resources (a real preview does). */
export function hasPropertyDependencies(resource: PolicyResource): boolean {
    return Object.keys(resource.propertyDependencies ?? {}).length > 0;
}

/** A DNS name without its trailing dot, in lower case. */
export const stripDot = (name: unknown): string => String(name ?? "").replace(/\.$/, "").toLowerCase();

/** The host of a URL (`https://abc.lambda-url.eu-west-3.on.aws/` → `abc.lambda-url.eu-west-3.on.aws`). */
export function hostOf(url: unknown): string | undefined {
    const match = /^[a-z]+:\/\/([^/:]+)/i.exec(String(url ?? ""));
    return match ? match[1].toLowerCase() : undefined;
}

/** `site.s3.eu-west-3.amazonaws.com` (or `site.s3.amazonaws.com`, `site.s3-eu-west-3.amazonaws.com`) → `site`. */
export const bucketOfDomain = (domain: unknown) => /^(.+)\.s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?\.?$/.exec(String(domain ?? ""))?.[1];

/**
 * The bucket of the stack a distribution writes its standard logs to, if any: by its domain name
 * or bucket name when known, else by the dependency of the distribution's `loggingConfig`.
 */
export function logBucketOf(distribution: PolicyResource, buckets: PolicyResource[]): PolicyResource | undefined {
    // `in` is not stopped by the SDK's proxy: a loggingConfig unknown as a whole is still there.
    if (!("loggingConfig" in distribution.props)) {
        return undefined;
    }
    const target = peek(() => distribution.props.loggingConfig?.bucket);
    if (typeof target === "string") {
        // A known target is the answer: the bucket of the stack it names, or none (outside the stack).
        const name = bucketOfDomain(target);
        return buckets.find((b) => stripDot(peek(() => b.props.bucketDomainName)) === stripDot(target) || (name !== undefined && peek(() => b.props.bucket) === name));
    }
    return hasPropertyDependencies(distribution) ? buckets.find((b) => dependsOn(distribution, b, "loggingConfig")) : undefined;
}
