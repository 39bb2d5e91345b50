import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, Tags } from "../shared";

/** Log files older than this are deleted: 90 days covers most investigations at little cost. */
export const DEFAULT_LOG_EXPIRATION_DAYS = 90;

/** The pieces of a CloudFront log bucket. */
export interface LogBucket {
    bucket: aws.s3.Bucket;
    ownershipControls: aws.s3.BucketOwnershipControls;
    acl: aws.s3.BucketAcl;
    publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    encryption: aws.s3.BucketServerSideEncryptionConfiguration;
    lifecycle: aws.s3.BucketLifecycleConfiguration;
    policy: aws.s3.BucketPolicy;
}

/** A bucket policy that refuses every request not made over TLS. */
export function tlsOnlyBucketPolicy(bucketArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyInsecureTransport",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    };
}

/**
 * A bucket for CloudFront standard logs that works with today's S3 defaults: new buckets disable
 * ACLs, but standard logging writes through the `awslogsdelivery` account's ACL grant, so the
 * bucket prefers bucket-owner ownership (ACLs on) and grants that account FULL_CONTROL. Public
 * access is blocked, objects are encrypted (SSE-S3), expire after `expirationDays`, and the bucket
 * is retained, with all its settings, when the stack is destroyed or logging is turned off: logs are evidence.
 */
export function createLogBucket(
    name: string,
    expirationDays: number,
    tags: Tags,
    parent: pulumi.Resource,
): LogBucket {
    // Every piece is retained with the bucket: a retained bucket without its public-access block,
    // TLS-only policy, lifecycle and ownership controls would be a weaker bucket left behind.
    const opts = { parent, retainOnDelete: true };
    const bucket = new aws.s3.Bucket(childName(name, "logs"), { tags }, opts);
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
        childName(name, "logs-public-access"),
        {
            bucket: bucket.bucket,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        },
        opts,
    );
    const ownershipControls = new aws.s3.BucketOwnershipControls(
        childName(name, "logs-ownership"),
        { bucket: bucket.bucket, rule: { objectOwnership: "BucketOwnerPreferred" } },
        opts,
    );
    const owner = aws.s3.getCanonicalUserIdOutput({ parent });
    const logDelivery = aws.cloudfront.getLogDeliveryCanonicalUserIdOutput({}, { parent });
    const acl = new aws.s3.BucketAcl(
        childName(name, "logs-acl"),
        {
            bucket: bucket.bucket,
            accessControlPolicy: {
                owner: { id: owner.id },
                grants: [
                    { grantee: { type: "CanonicalUser", id: owner.id }, permission: "FULL_CONTROL" },
                    { grantee: { type: "CanonicalUser", id: logDelivery.id }, permission: "FULL_CONTROL" },
                ],
            },
        },
        { ...opts, dependsOn: [ownershipControls, publicAccessBlock] },
    );
    const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
        childName(name, "logs-encryption"),
        { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
        opts,
    );
    const lifecycle = new aws.s3.BucketLifecycleConfiguration(
        childName(name, "logs-lifecycle"),
        {
            bucket: bucket.bucket,
            rules: [
                {
                    id: "expire-logs",
                    status: "Enabled",
                    filter: { prefix: "" },
                    expiration: { days: expirationDays },
                    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                },
            ],
        },
        opts,
    );
    const policy = new aws.s3.BucketPolicy(
        childName(name, "logs-policy"),
        { bucket: bucket.bucket, policy: bucket.arn.apply((arn) => JSON.stringify(tlsOnlyBucketPolicy(arn))) },
        { ...opts, dependsOn: [publicAccessBlock] },
    );
    return { bucket, ownershipControls, acl, publicAccessBlock, encryption, lifecycle, policy };
}
