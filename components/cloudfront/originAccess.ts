import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../shared";
import type { BucketRef } from "./distributionArgs";

/**
 * The bucket policy that lets CloudFront read objects for one distribution only: the service
 * principal plus an `AWS:SourceArn` condition, so no other distribution (even in another
 * account) can use the same Origin Access Control trick to read the bucket. It also allows
 * `s3:ListBucket`: without it S3 answers 403 instead of 404 for a missing key, and a custom
 * 404 page is never served (listing is not exposed: CloudFront only sends object requests).
 */
export function originBucketPolicy(bucketArn: string, distributionArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AllowCloudFrontServicePrincipalReadOnly",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:GetObject",
                Resource: `${bucketArn}/*`,
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
            {
                Sid: "AllowCloudFrontServicePrincipalNotFound",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:ListBucket",
                Resource: bucketArn,
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
        ],
    };
}

/** One Origin Access Control for all S3 origins of a distribution: always sign with SigV4. */
export function createOriginAccessControl(name: string, parent: pulumi.Resource): aws.cloudfront.OriginAccessControl {
    return new aws.cloudfront.OriginAccessControl(
        childName(name, "oac"),
        {
            description: `S3 origin access for ${name}`,
            originAccessControlOriginType: "s3",
            signingBehavior: "always",
            signingProtocol: "sigv4",
        },
        { parent },
    );
}

/** The policy of an S3 origin's bucket that admits this distribution. */
export function createOriginBucketPolicy(
    name: string,
    originKey: string,
    bucket: BucketRef,
    distributionArn: pulumi.Output<string>,
    parent: pulumi.Resource,
): aws.s3.BucketPolicy {
    return new aws.s3.BucketPolicy(
        childName(name, originKey, "bucket-policy"),
        {
            bucket: bucket.bucket,
            policy: pulumi
                .all([bucket.arn, distributionArn])
                .apply(([bucketArn, arn]) => JSON.stringify(originBucketPolicy(bucketArn, arn))),
        },
        { parent },
    );
}
