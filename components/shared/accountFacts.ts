import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/**
 * The region, partition and caller of the AWS provider that a resource's children use, each
 * looked up once per provider in a program: a component and its parts (a `StreamingEnvironment`,
 * its image builder, fleet, users and monitoring) share one lookup instead of one each.
 */
interface Facts {
    region?: pulumi.Output<string>;
    partition?: pulumi.Output<aws.GetPartitionResult>;
    caller?: pulumi.Output<aws.GetCallerIdentityResult>;
}

const factsByScope = new WeakMap<object, Facts>();

/**
 * What the lookups of `parent`'s children are scoped by: the aws provider they inherit, or the
 * stack (the default provider of this program: each program, and each test on the mock runtime,
 * has its own stack resource).
 */
function factsOf(parent: pulumi.Resource): Facts {
    const scope: object | undefined = parent.getProvider("aws::") ?? pulumi.runtime.getStackResource();
    if (!scope) {
        return {};
    }
    let facts = factsByScope.get(scope);
    if (!facts) {
        facts = {};
        factsByScope.set(scope, facts);
    }
    return facts;
}

/** The provider's region, as `aws.getRegionOutput({}, { parent })` gives it. */
export function regionOf(parent: pulumi.Resource): pulumi.Output<string> {
    const facts = factsOf(parent);
    return (facts.region ??= aws.getRegionOutput({}, { parent }).region);
}

/** The provider's partition (`aws`, `aws-cn`, `aws-us-gov`) with its DNS suffix. */
export function partitionOf(parent: pulumi.Resource): pulumi.Output<aws.GetPartitionResult> {
    const facts = factsOf(parent);
    return (facts.partition ??= aws.getPartitionOutput({}, { parent }));
}

/** The account and identity the provider signs as. */
export function callerOf(parent: pulumi.Resource): pulumi.Output<aws.GetCallerIdentityResult> {
    const facts = factsOf(parent);
    return (facts.caller ??= aws.getCallerIdentityOutput({}, { parent }));
}
