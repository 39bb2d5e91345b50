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

/** Per program (its engine connection), per aws provider (or the default one): the lookups made. */
const factsByProgram = new WeakMap<object, WeakMap<object, Facts>>();

/** The key of the stack's default aws provider. */
const DEFAULT_PROVIDER = {};

/**
 * The lookups shared by `parent`'s children: those of the aws provider they inherit, in this
 * program. A program is its engine connection (the monitor): each `pulumi up` and each Automation
 * API run has its own. Unit tests on Pulumi's mocks get a new one from each `setMocks` call: tests
 * that call it once for several cases share the lookups of the first (call it per test to have
 * each case ask the mocks again).
 */
function factsOf(parent: pulumi.Resource): Facts {
    const monitor: object | undefined = pulumi.runtime.getMonitor();
    if (!monitor) {
        return {};
    }
    let byProvider = factsByProgram.get(monitor);
    if (!byProvider) {
        byProvider = new WeakMap();
        factsByProgram.set(monitor, byProvider);
    }
    const provider: object = parent.getProvider("aws::") ?? DEFAULT_PROVIDER;
    let facts = byProvider.get(provider);
    if (!facts) {
        facts = {};
        byProvider.set(provider, facts);
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
