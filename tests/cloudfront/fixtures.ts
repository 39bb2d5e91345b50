import { cloudfront } from "../../components";
import { MockEngine, RecordedResource } from "../engine";

export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const RECORD = "aws:route53/record:Record";
export const CERTIFICATE = "aws:acm/certificate:Certificate";
export const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const CACHE_POLICY = "aws:cloudfront/cachePolicy:CachePolicy";
export const HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
export const WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

/** The one resource of `type` in the plan (shared policies are named after their settings). */
export function onlyOfType(engine: MockEngine, type: string): RecordedResource {
    const found = engine.ofType(type);
    if (found.length !== 1) {
        throw new Error(`expected one ${type}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    }
    return found[0];
}

/** The hosted zone the mock cloud knows as example.com. */
export const ZONE_ID = "Z0EXAMPLE0000000000001";

/** A bucket given by its attributes, so tests can assert the exact values wired through. */
export const SITE_BUCKET: cloudfront.BucketRef = {
    bucket: "site-content",
    arn: "arn:aws:s3:::site-content",
    bucketRegionalDomainName: "site-content.s3.eu-west-3.amazonaws.com",
};

/** The smallest arguments: one private S3 origin. */
export const MINIMAL: cloudfront.DistributionArgs = { origins: { site: { s3: { bucket: SITE_BUCKET } } } };

/** Starts a fresh mock engine whose cloud has the example.com zone. */
export function startEngine(): MockEngine {
    return MockEngine.start({ cloud: { zones: { "example.com": ZONE_ID } } });
}

/** Builds a distribution on a fresh engine and waits for every registration. */
export async function plan(args: cloudfront.DistributionArgs, name = "cdn"): Promise<{ engine: MockEngine; cdn: cloudfront.Distribution }> {
    const engine = startEngine();
    const cdn = new cloudfront.Distribution(name, args);
    await engine.settle();
    return { engine, cdn };
}

/** The message of the error that constructing a distribution with `args` throws. */
export function errorOf(args: Partial<cloudfront.DistributionArgs>, name = "cdn"): string {
    startEngine();
    try {
        new cloudfront.Distribution(name, { ...MINIMAL, ...args });
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error("expected the distribution to be rejected");
}
