import type { Policies, PolicyResource } from "@pulumi/policy/policy";
import { stackPolicy } from "./define";
import { dependsOn, hostOf, logBucketOf, peek, stripDot } from "./relations";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";
const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
const WEBSITES = ["aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2"];
/** S3 website endpoints: `<bucket>.s3-website-<region>.amazonaws.com` or `<bucket>.s3-website.<region>.amazonaws.com`. */
const WEBSITE_ENDPOINT = /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com$/;
/** Object ownership settings that keep ACLs enabled, which CloudFront's legacy log delivery needs. */
const ACLS_ENABLED = ["ObjectWriter", "BucketOwnerPreferred"];

const ofType = (resources: PolicyResource[], types: string[]) => resources.filter((r) => types.includes(r.type));

/** Origins of a distribution whose domain name is known. */
function knownOriginDomains(distribution: PolicyResource): { originId: string; domain: string }[] {
    const origins = (peek(() => distribution.props.origins) ?? []) as Record<string, any>[];
    return origins.flatMap((origin) => {
        const domain = peek(() => origin.domainName);
        return typeof domain === "string" ? [{ originId: String(peek(() => origin.originId) ?? "?"), domain: stripDot(domain) }] : [];
    });
}

/** Whether `distribution` serves `target` as an origin: by a known domain, or by the dependency of its origins. */
function servesOrigin(distribution: PolicyResource, target: PolicyResource, targetHost: string | undefined): boolean {
    if (targetHost && knownOriginDomains(distribution).some((o) => o.domain === targetHost)) {
        return true;
    }
    return dependsOn(distribution, target, "origins");
}

/** The object ownership a bucket ends up with: its ownership controls, else AWS's default for new buckets. */
function objectOwnership(bucket: PolicyResource, controls: PolicyResource[]): string {
    const name = peek(() => bucket.props.bucket);
    const own = controls.find((c) => dependsOn(c, bucket, "bucket") || (name !== undefined && peek(() => c.props.bucket) === name));
    return String((own && peek(() => own.props.rule?.objectOwnership)) ?? "BucketOwnerEnforced");
}

export const cloudfrontStackPolicies: Policies = [
    stackPolicy({
        name: "cloudfront-lambda-url-auth",
        description: "A Lambda function URL served through CloudFront must require IAM auth, or anyone can call it directly and bypass the distribution (stricter than CloudFront.16, which only asks for an Origin Access Control)",
        severity: "high",
        controls: {},
        remediationSteps: "Set the function URL's authorizationType to 'AWS_IAM', add an Origin Access Control of type 'lambda' to the origin, and allow cloudfront.amazonaws.com to invoke the URL with an AWS:SourceArn condition.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html",
        enforcementLevel: "mandatory",
        subject: DISTRIBUTION,
        check: (args, report) => {
            const distributions = ofType(args.resources, [DISTRIBUTION]);
            for (const url of ofType(args.resources, [FUNCTION_URL]).filter((u) => peek(() => u.props.authorizationType) === "NONE")) {
                for (const distribution of distributions.filter((d) => servesOrigin(d, url, hostOf(peek(() => url.props.functionUrl))))) {
                    report(`distribution '${distribution.name}' serves Lambda function URL '${url.name}', whose authorizationType is NONE: anyone can call it directly, bypassing CloudFront; use AWS_IAM with an Origin Access Control`, distribution.urn);
                }
            }
        },
    }),
    stackPolicy({
        name: "cloudfront-log-bucket-acl",
        description: "The bucket a distribution writes standard (legacy) logs to must have ACLs enabled, or CloudFront cannot deliver the logs",
        severity: "medium",
        controls: {},
        remediationSteps: "Add an aws.s3.BucketOwnershipControls for the log bucket with rule.objectOwnership 'BucketOwnerPreferred' (new buckets default to 'BucketOwnerEnforced', which disables ACLs).",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html",
        enforcementLevel: "mandatory",
        subject: DISTRIBUTION,
        check: (args, report) => {
            const buckets = ofType(args.resources, BUCKETS);
            const controls = ofType(args.resources, [OWNERSHIP]);
            for (const distribution of ofType(args.resources, [DISTRIBUTION])) {
                const bucket = logBucketOf(distribution, buckets);
                const ownership = bucket && objectOwnership(bucket, controls);
                if (bucket && ownership && !ACLS_ENABLED.includes(ownership)) {
                    report(`distribution '${distribution.name}' logs to bucket '${bucket.name}', whose ACLs are disabled (objectOwnership ${ownership}): log delivery fails; set objectOwnership 'BucketOwnerPreferred'`, distribution.urn);
                }
            }
        },
    }),
    stackPolicy({
        name: "cloudfront-s3-website-origin",
        description: "A distribution must not serve an S3 website endpoint: the bucket has to be public and CloudFront reaches it over plain HTTP",
        severity: "high",
        controls: {},
        remediationSteps: "Use the bucket's REST endpoint (bucketRegionalDomainName) with an Origin Access Control, block public access on the bucket, and use a CloudFront Function or defaultRootObject for index documents.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html",
        enforcementLevel: "mandatory",
        subject: DISTRIBUTION,
        check: (args, report) => {
            // Website configurations, and buckets configured as websites inline (the `website` input).
            const websites = [...ofType(args.resources, WEBSITES), ...ofType(args.resources, BUCKETS).filter((b) => peek(() => b.props.website) !== undefined)];
            for (const distribution of ofType(args.resources, [DISTRIBUTION])) {
                const known = knownOriginDomains(distribution);
                for (const origin of known.filter((o) => WEBSITE_ENDPOINT.test(o.domain))) {
                    report(`origin '${origin.originId}' of distribution '${distribution.name}' is the S3 website endpoint ${origin.domain}`, distribution.urn);
                }
                // An origin whose domain is not known yet (a preview) may be a website endpoint the distribution takes from one of them.
                const origins = (peek(() => distribution.props.origins) ?? []) as unknown[];
                if (known.length < origins.length) {
                    for (const website of websites.filter((w) => dependsOn(distribution, w, "origins") && peek(() => w.props.websiteEndpoint) === undefined)) {
                        report(`distribution '${distribution.name}' serves the S3 website endpoint of '${website.name}'`, distribution.urn);
                    }
                }
            }
        },
    }),
];
