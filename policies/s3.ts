import type { Policies } from "@pulumi/policy";
import { resourcePolicy, stackPolicy } from "./define";
import { conditionValues, principals, statementName, statementsOf } from "./documents";
import { bucketOfDomain, logBucketOf, peek } from "./relations";

const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const BUCKET = "aws:s3/bucket:Bucket";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const CLOUDFRONT = "cloudfront.amazonaws.com";

/** Allow statements of a bucket policy whose principal is the CloudFront service, with their names. */
function cloudfrontGrants(policy: unknown): { name: string; sourceArns: string[]; sourceAccounts: string[] }[] {
    return statementsOf(policy).flatMap((statement, i) =>
        statement.Effect === "Allow" && principals(statement, "Service").includes(CLOUDFRONT)
            ? [{ name: statementName(statement, i), sourceArns: conditionValues(statement, "aws:SourceArn"), sourceAccounts: conditionValues(statement, "aws:SourceAccount") }]
            : [],
    );
}

export const s3Policies: Policies = [
    resourcePolicy({
        name: "s3-cloudfront-source-condition",
        description:
            "A bucket policy that lets the CloudFront service principal in must name the distribution (aws:SourceArn) or at least the account (aws:SourceAccount), or any distribution of any account can read through it (stricter: no public control)",
        severity: "high",
        controls: {},
        remediationSteps: "Add Condition: { StringEquals: { 'AWS:SourceArn': <the distribution's ARN> } } to the statement, as CloudFront's origin access control guide shows.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
        enforcementLevel: "mandatory",
        types: [BUCKET_POLICY],
        check: (props, report) => {
            for (const grant of cloudfrontGrants(props.policy)) {
                if (grant.sourceArns.length === 0 && grant.sourceAccounts.length === 0) {
                    report(`${grant.name} lets ${CLOUDFRONT} in without an AWS:SourceArn or AWS:SourceAccount condition (the confused-deputy case)`);
                }
            }
        },
    }),
    stackPolicy({
        name: "s3-cloudfront-source-distribution",
        description:
            "A bucket policy of the stack that lets CloudFront in by distribution ARN should name a distribution of the stack that reads that bucket (stricter: no public control)",
        severity: "medium",
        controls: {},
        remediationSteps: "Use the ARN of the distribution whose S3 origin is this bucket in the AWS:SourceArn condition; remove grants to distributions that no longer read it.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html",
        enforcementLevel: "advisory",
        subject: BUCKET_POLICY,
        check: (_args, report, resources) => {
            // In a preview, a distribution being created has no ARN yet and the policy naming it is
            // unknown text: both are skipped (peek), and what is known is still judged.
            const readers = new Map<string, Set<string>>();
            // Distributions with an origin whose domain is unknown: which buckets they read is not known.
            const partlyKnown = new Set<string>();
            for (const distribution of resources.of(DISTRIBUTION)) {
                const arn = peek(() => distribution.props.arn);
                if (typeof arn !== "string") {
                    continue;
                }
                const reads = readers.get(arn) ?? new Set<string>();
                readers.set(arn, reads);
                const origins = peek(() => distribution.props.origins) as Record<string, any>[] | undefined;
                for (const origin of origins ?? []) {
                    const domain = peek(() => origin.domainName);
                    const bucket = bucketOfDomain(domain);
                    if (bucket) {
                        reads.add(bucket);
                    } else if (domain === undefined) {
                        partlyKnown.add(arn);
                    }
                }
                if (origins === undefined) {
                    partlyKnown.add(arn);
                }
            }
            for (const policy of resources.of(BUCKET_POLICY)) {
                const bucket = peek(() => policy.props.bucket);
                for (const grant of cloudfrontGrants(peek(() => policy.props.policy))) {
                    for (const arn of grant.sourceArns.filter((a) => /^arn:[^:]+:cloudfront::\d{12}:distribution\/[A-Z0-9]+$/.test(a))) {
                        const reads = readers.get(arn);
                        if (!reads) {
                            report(`bucket policy '${policy.name}' (${grant.name}) lets distribution ${arn} in, which is no distribution of this stack`, policy.urn);
                        } else if (typeof bucket === "string" && !reads.has(bucket) && !partlyKnown.has(arn)) {
                            report(`bucket policy '${policy.name}' (${grant.name}) lets distribution ${arn} read bucket '${bucket}', which is none of its origins`, policy.urn);
                        }
                    }
                }
            }
        },
    }),
    stackPolicy({
        name: "s3-log-bucket-retained",
        description:
            "A bucket that receives CloudFront logs must not be force-destroyable, and with requireProtect must be protected, so that a destroy or a replacement keeps the logs",
        severity: "medium",
        controls: {},
        remediationSteps: "Leave forceDestroy unset; where your rule is `protect`, give the bucket that resource option. The analyzer sees protect, not retainOnDelete, so a bucket kept by retainOnDelete (as the components do) passes only without requireProtect.",
        url: "https://www.pulumi.com/docs/iac/concepts/options/protect/",
        enforcementLevel: "advisory",
        configSchema: { properties: { requireProtect: { type: "boolean", default: false } } },
        subject: BUCKET,
        check: (args, report, resources) => {
            const requireProtect = args.getConfig<{ requireProtect?: boolean }>().requireProtect === true;
            // Buckets of the deprecated BucketV2 type are not judged: the SDK skips this policy for a
            // stack without a Bucket (its subject) before the check could see them.
            const buckets = resources.of(BUCKET);
            const logBuckets = new Set(resources.of(DISTRIBUTION).map((d) => logBucketOf(d, buckets)));
            for (const bucket of buckets.filter((b) => logBuckets.has(b))) {
                const name = peek(() => bucket.props.bucket) ?? bucket.name;
                if (peek(() => bucket.props.forceDestroy) === true) {
                    report(`log bucket '${name}' has forceDestroy: a destroy deletes every log in it`, bucket.urn);
                }
                if (requireProtect && !bucket.opts.protect) {
                    report(`log bucket '${name}' is not protected`, bucket.urn);
                }
            }
        },
    }),
];
