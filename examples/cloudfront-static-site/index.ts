import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { cloudfront } from "pulumi-aws-euc";
import { cloudfront } from "../../components";

const config = new pulumi.Config();
const zoneName = config.require("zoneName");

// The site's files live in a private bucket: only the distribution can read them.
const content = new aws.s3.Bucket("site-content", { tags: { site: zoneName } });
new aws.s3.BucketPublicAccessBlock("site-content-public-access", {
    bucket: content.bucket,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});
new aws.s3.BucketServerSideEncryptionConfiguration("site-content-encryption", {
    bucket: content.bucket,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
});
for (const [key, body] of Object.entries({
    "index.html": "<!doctype html><title>Hello</title><h1>Served by CloudFront</h1>",
    "404.html": "<!doctype html><title>Not found</title><h1>Not found</h1>",
})) {
    new aws.s3.BucketObjectv2(`site-${key}`, { bucket: content.bucket, key, content: body, contentType: "text/html" });
}

const site = new cloudfront.Distribution("site", {
    origins: { content: { s3: { bucket: content } } },
    aliases: [zoneName, `www.${zoneName}`],
    hostedZone: { name: zoneName },
    errorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/404.html" }],
    priceClass: "PriceClass_100",
    monitoring: { createAlarmTopic: true },
    tags: { site: zoneName },
});

export const url = site.url;
export const distributionId = site.id;
export const distributionDomainName = site.domainName;
export const certificateArn = site.certificateArn;
export const webAclArn = site.webAclArn;
export const logBucket = site.logBucketName;
