import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
// In your own project: import { cloudfront } from "pulumi-aws-euc";
import { cloudfront } from "../../components";

const config = new pulumi.Config();
const zoneName = config.require("zoneName");
// Defaults as in Pulumi.yaml, so the program also runs from the repository's root project.
const alarmEmail = config.get("alarmEmail") ?? "ops@example.com";
const failoverRegion = config.get("failoverRegion") ?? "eu-central-1";
const blockedCountries = (config.get("blockedCountries") ?? "KP").split(",").map((c) => c.trim());
// The zone's DNS is elsewhere (not Route53): create the records of the `dnsRecords` output there.
const externalDns = config.getBoolean("externalDns") ?? false;

const PAGES = {
    "index.html": "<!doctype html><title>Hello</title><h1>Served by CloudFront</h1>",
    "404.html": "<!doctype html><title>Not found</title><h1>Not found</h1>",
};

/** A private, encrypted bucket holding the site's pages, in `region` (the stack's when undefined). */
function contentBucket(name: string, region?: string): aws.s3.Bucket {
    const bucket = new aws.s3.Bucket(name, { region, tags: { site: zoneName } });
    new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
        region,
        bucket: bucket.bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
        region,
        bucket: bucket.bucket,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    });
    for (const [key, body] of Object.entries(PAGES)) {
        new aws.s3.BucketObjectv2(`${name}-${key}`, { region, bucket: bucket.bucket, key, content: body, contentType: "text/html" });
    }
    return bucket;
}

// The pages live in two private buckets, in two regions: only the distribution can read them, and
// it fails over to the second when the first answers a server error.
const content = contentBucket("site-content");
const failover = contentBucket("site-content-failover", failoverRegion);

const site = new cloudfront.Distribution("site", {
    origins: { content: { s3: { bucket: content } }, failover: { s3: { bucket: failover } } },
    originGroups: { pages: { primary: "content", secondary: "failover" } },
    defaultBehavior: { origin: "pages" },
    aliases: [zoneName, `www.${zoneName}`],
    ...(externalDns ? { externalDns: true } : { hostedZone: { name: zoneName } }),
    errorResponses: [{ errorCode: 404, responseCode: 404, responsePagePath: "/404.html" }],
    geoRestriction: { type: "denylist", countries: blockedCountries },
    priceClass: "PriceClass_100",
    monitoring: { createAlarmTopic: true, alarmEmails: [alarmEmail] },
    tags: { site: zoneName },
});

export const url = site.url;
export const distributionId = site.id;
export const distributionDomainName = site.domainName;
export const certificateArn = site.certificateArn;
export const webAclArn = site.webAclArn;
export const logBucket = site.logBucketName;
/** With `externalDns`: the validation CNAMEs and the aliases' CNAME targets to create at your DNS provider. */
export const dnsRecords = site.dnsRecords;
/** Run after changing the pages: `$(pulumi stack output invalidationCommand)`. */
export const invalidationCommand = site.invalidationCommand;
/** Then check the live site: `aws-euc verify <url> --alias <each alias>`. */
export const verifyCommand = pulumi.interpolate`aws-euc verify ${site.url} --alias ${zoneName} --alias www.${zoneName}`;
