import * as assert from "node:assert/strict";
import type { AnalyzedResource } from "../../plan/policyServer";
import { Pack, resource } from "./pack";

const DIST = "aws:cloudfront/distribution:Distribution";
const RECORD = "aws:route53/record:Record";
const ZONE = "aws:route53/zone:Zone";
const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";
const BUCKET = "aws:s3/bucket:Bucket";
const OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
const WEBSITE = "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration";
/** What the engine sends for a string known only after deployment. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const dependingOn = (r: AnalyzedResource, ...targets: AnalyzedResource[]): AnalyzedResource => ({ ...r, dependencies: targets.map((t) => t.urn) });
const cdn = (props: Record<string, unknown> = {}) => resource(DIST, { domainName: "d111.cloudfront.net", aliases: ["example.com", "www.example.com"], ...props }, "cdn");
const zone = resource(ZONE, { name: "example.com", zoneId: "Z1" }, "zone");
const record = (name: string, props: Record<string, unknown> = {}, type = "A") =>
    resource(RECORD, { zoneId: "Z1", name, type, aliases: [{ name: "d111.cloudfront.net", zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }], ...props }, `${name || "apex"}-${type}`);

describe("policies: what a real preview of other people's programs shows", function () {
    let pack: Pack;
    before(async () => (pack = await Pack.start()));
    after(() => pack.stop());

    describe("route53: record names are read relative to their zone", () => {
        const policy = "route53-cloudfront-alias-target";

        it("accepts the apex as \"\", a relative name and a name with a final dot, with the zone in the stack or not", async () => {
            const records = [record(""), record("www"), record("www.example.com.")];
            assert.deepEqual(await pack.checkStack([zone, cdn(), ...records], policy), []);
            assert.deepEqual(await pack.checkStack([cdn(), ...records.map((r) => ({ ...r, props: { ...r.props, zoneId: "ZLOOKEDUP" } }))], policy), []);
        });

        it("still reports a relative name the distribution does not serve", async () => {
            assert.deepEqual(await pack.checkStack([zone, cdn(), record("api")], policy), [[policy, "mandatory", "record 'api' points at distribution 'cdn', which does not list it in its aliases"]]);
            assert.deepEqual(await pack.checkStack([zone, cdn({ aliases: ["www.example.com"] }), record("")], policy), [[policy, "mandatory", "record '' points at distribution 'cdn', which does not list it in its aliases"]]);
        });

        it("finds the distribution through the record's dependency when its domain is unknown, and reports nothing from unknowns", async () => {
            const distribution = cdn({ domainName: UNKNOWN });
            const unknownAlias = { aliases: [{ name: UNKNOWN, zoneId: UNKNOWN, evaluateTargetHealth: false }] };
            const findings = await pack.checkStack([zone, distribution, dependingOn(record("www", unknownAlias), distribution), dependingOn(record("api", unknownAlias), distribution), record("old", unknownAlias)], policy);
            assert.deepEqual(findings, [[policy, "mandatory", "record 'api' points at distribution 'cdn', which does not list it in its aliases"]]);
        });

        it("is not stopped by certificate validation records whose name and type are unknown", async () => {
            const validation = resource(RECORD, { zoneId: "Z1", name: UNKNOWN, type: UNKNOWN, records: [UNKNOWN], ttl: 600 }, "validation");
            assert.deepEqual(await pack.checkStack([zone, cdn({ isIpv6Enabled: true }), validation, record("api")], policy), [
                [policy, "mandatory", "record 'api' points at distribution 'cdn', which does not list it in its aliases"],
            ]);
            assert.deepEqual(await pack.checkStack([zone, cdn({ isIpv6Enabled: true }), validation, record("www")], "route53-alias-aaaa-pair"), [
                ["route53-alias-aaaa-pair", "advisory", "A record 'www' has no AAAA pair; IPv6 viewers cannot reach the distribution by name"],
            ]);
        });

        it("route53-alias-aaaa-pair: isIpv6Enabled unset is false (the provider's default), and a relative AAAA pairs with a full A", async () => {
            assert.deepEqual(await pack.checkStack([zone, cdn(), record("www")], "route53-alias-aaaa-pair"), []);
            const ipv6 = cdn({ isIpv6Enabled: true });
            assert.deepEqual(await pack.checkStack([zone, ipv6, record("www.example.com"), record("www", {}, "AAAA")], "route53-alias-aaaa-pair"), []);
            assert.deepEqual(await pack.checkStack([zone, ipv6, record("")], "route53-alias-aaaa-pair"), [
                ["route53-alias-aaaa-pair", "advisory", "A record '' has no AAAA pair; IPv6 viewers cannot reach the distribution by name"],
            ]);
        });
    });

    describe("cloudfront-lambda-url-auth: a function URL behind CloudFront must require IAM", () => {
        const policy = "cloudfront-lambda-url-auth";
        const url = (authorizationType: string, functionUrl = "https://abc123.lambda-url.us-east-1.on.aws/") => resource(FUNCTION_URL, { authorizationType, functionUrl }, "fn-url");
        const serving = (domainName: string) => cdn({ origins: [{ originId: "fn", domainName, customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }] });
        const message = "distribution 'cdn' serves Lambda function URL 'fn-url', whose authorizationType is NONE: anyone can call it directly, bypassing CloudFront; use AWS_IAM with an Origin Access Control";

        it("reports auth type NONE found by the origin's domain, not AWS_IAM", async () => {
            assert.deepEqual(await pack.checkStack([url("NONE"), serving("abc123.lambda-url.us-east-1.on.aws")], policy), [[policy, "mandatory", message]]);
            assert.deepEqual(await pack.checkStack([url("AWS_IAM"), serving("abc123.lambda-url.us-east-1.on.aws")], policy), []);
            assert.deepEqual(await pack.checkStack([url("NONE"), serving("api.example.net")], policy), []);
        });

        it("reports it during a preview, when the URL is unknown, through the distribution's dependency", async () => {
            const unknownUrl = url("NONE", UNKNOWN);
            assert.deepEqual(await pack.checkStack([unknownUrl, dependingOn(serving(UNKNOWN), unknownUrl)], policy), [[policy, "mandatory", message]]);
        });
    });

    describe("cloudfront-log-bucket-acl: legacy log delivery needs ACLs on the bucket", () => {
        const policy = "cloudfront-log-bucket-acl";
        const bucket = (domain = "logs-1a2b.s3.amazonaws.com") => resource(BUCKET, { bucket: "logs-1a2b", bucketDomainName: domain }, "logs");
        const ownership = (objectOwnership: string) => resource(OWNERSHIP, { bucket: "logs-1a2b", rule: { objectOwnership } }, "logs-ownership");
        const logging = cdn({ loggingConfig: { bucket: "logs-1a2b.s3.amazonaws.com" } });
        const refused = (ownershipValue: string) => [[policy, "mandatory", `distribution 'cdn' logs to bucket 'logs', whose ACLs are disabled (objectOwnership ${ownershipValue}): log delivery fails; set objectOwnership 'BucketOwnerPreferred'`]];

        it("reports a bucket without ownership controls (new buckets enforce the owner) or with BucketOwnerEnforced", async () => {
            assert.deepEqual(await pack.checkStack([bucket(), logging], policy), refused("BucketOwnerEnforced"));
            assert.deepEqual(await pack.checkStack([bucket(), ownership("BucketOwnerEnforced"), logging], policy), refused("BucketOwnerEnforced"));
        });

        it("accepts ACLs enabled, a bucket outside the stack, a distribution without logs, and does not guess from unknowns", async () => {
            assert.deepEqual(await pack.checkStack([bucket(), ownership("BucketOwnerPreferred"), logging], policy), []);
            assert.deepEqual(await pack.checkStack([bucket(), ownership("ObjectWriter"), logging], policy), []);
            assert.deepEqual(await pack.checkStack([logging], policy), []);
            assert.deepEqual(await pack.checkStack([bucket(), cdn()], policy), []);
            assert.deepEqual(await pack.checkStack([bucket(UNKNOWN), cdn({ loggingConfig: { bucket: UNKNOWN } })], policy), []);
        });
    });

    describe("s3 stack policies judge what is known and find a log bucket by dependency", () => {
        const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
        const ARN = "arn:aws:cloudfront::123456789012:distribution/E1ABCDEF";
        const grant = (arn: string) =>
            JSON.stringify({
                Statement: [{ Sid: "CloudFrontReads", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*", Condition: { StringEquals: { "AWS:SourceArn": arn } } }],
            });
        const policyOf = (text: string, bucket = "site") => resource(POLICY, { bucket, policy: text }, `${bucket}-policy`);
        const site = (arn: string) => cdn({ arn, origins: [{ originId: "site", domainName: "site.s3.eu-west-3.amazonaws.com" }] });

        it("s3-cloudfront-source-distribution: a distribution being created (unknown ARN, unknown policy text) is no finding, a known foreign ARN still is", async () => {
            const policy = "s3-cloudfront-source-distribution";
            assert.deepEqual(await pack.checkStack([site(UNKNOWN), policyOf(UNKNOWN)], policy), []);
            assert.deepEqual(await pack.checkStack([cdn({ arn: UNKNOWN, origins: [{ originId: "site", domainName: UNKNOWN }] }), policyOf(grant(ARN))], policy), [
                [policy, "advisory", `bucket policy 'site-policy' (statement 'CloudFrontReads') lets distribution ${ARN} in, which is no distribution of this stack`],
            ]);
            assert.deepEqual(await pack.checkStack([site(ARN), policyOf(grant(ARN), UNKNOWN)], policy), [], "an unknown bucket name is not compared");
            assert.deepEqual(await pack.checkStack([site(ARN), policyOf(grant(ARN), "media")], policy), [
                [policy, "advisory", `bucket policy 'media-policy' (statement 'CloudFrontReads') lets distribution ${ARN} read bucket 'media', which is none of its origins`],
            ]);
            const newOrigin = cdn({ arn: ARN, origins: [{ originId: "api", domainName: "api.example.com" }, { originId: "media", domainName: UNKNOWN }] });
            assert.deepEqual(await pack.checkStack([newOrigin, policyOf(grant(ARN), "media")], policy), [], "an origin whose domain is still unknown may be that bucket");
        });

        it("s3-log-bucket-retained: the log bucket is found by name, by domain, or by the dependency of loggingConfig when both are unknown", async () => {
            const policy = "s3-log-bucket-retained";
            const refused = (name: string) => [[policy, "advisory", `log bucket '${name}' has forceDestroy: a destroy deletes every log in it`]];
            const logs = (props: Record<string, unknown>) => resource(BUCKET, { forceDestroy: true, ...props }, "logs");
            assert.deepEqual(await pack.checkStack([logs({ bucket: "logs-1a2b" }), cdn({ loggingConfig: { bucket: "logs-1a2b.s3.amazonaws.com" } })], policy), refused("logs-1a2b"));
            const unknownBucket = logs({ bucket: UNKNOWN, bucketDomainName: UNKNOWN });
            const distribution = { ...cdn({ loggingConfig: { bucket: UNKNOWN } }), dependencies: [unknownBucket.urn], propertyDependencies: { loggingConfig: [unknownBucket.urn] } };
            assert.deepEqual(await pack.checkStack([unknownBucket, distribution], policy), refused("logs"));
            const other = resource(BUCKET, { bucket: UNKNOWN, forceDestroy: true }, "other");
            assert.deepEqual(await pack.checkStack([unknownBucket, other, { ...distribution, propertyDependencies: { loggingConfig: [], origins: [other.urn] } }], policy), [], "a bucket the logs do not go to");
            // Logs to a bucket outside the stack: the site bucket the distribution depends on (through
            // its origins only) is not the log bucket, for this policy nor for cloudfront-log-bucket-acl.
            const external = { ...cdn({ loggingConfig: { bucket: "central-logs.s3.amazonaws.com" } }), dependencies: [other.urn], propertyDependencies: { origins: [other.urn] } };
            assert.deepEqual(await pack.checkStack([other, external], policy), []);
            assert.deepEqual(await pack.checkStack([other, external], "cloudfront-log-bucket-acl"), []);
            assert.deepEqual(await pack.checkStack([logs({ bucket: "logs-1a2b", forceDestroy: UNKNOWN }), cdn({ loggingConfig: { bucket: "logs-1a2b.s3.amazonaws.com" } })], policy), [], "an unknown forceDestroy is not reported");
        });
    });

    describe("cloudfront-s3-website-origin: a website endpoint means a public bucket over plain HTTP", () => {
        const policy = "cloudfront-s3-website-origin";
        const origin = (domainName: string) => ({ originId: "site", domainName, customOriginConfig: { originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] } });

        it("reports a website endpoint by its name, or by the dependency on the website configuration when unknown", async () => {
            assert.deepEqual(await pack.checkStack([cdn({ origins: [origin("site-1a2b.s3-website-eu-west-1.amazonaws.com")] })], policy), [
                [policy, "mandatory", "origin 'site' of distribution 'cdn' is the S3 website endpoint site-1a2b.s3-website-eu-west-1.amazonaws.com"],
            ]);
            const website = resource(WEBSITE, { bucket: "site-1a2b", websiteEndpoint: UNKNOWN }, "site-website");
            assert.deepEqual(await pack.checkStack([website, dependingOn(cdn({ origins: [origin(UNKNOWN)] }), website)], policy), [
                [policy, "mandatory", "distribution 'cdn' serves the S3 website endpoint of 'site-website'"],
            ]);
        });

        it("also knows a bucket configured as a website inline, and not a plain bucket the distribution depends on", async () => {
            const websiteBucket = resource(BUCKET, { bucket: "cms.example.com", acl: "public-read", website: { indexDocument: "index.html" }, websiteEndpoint: UNKNOWN }, "contentBucket");
            const plainBucket = resource(BUCKET, { bucket: "site-1a2b", bucketRegionalDomainName: UNKNOWN }, "site");
            assert.deepEqual(await pack.checkStack([websiteBucket, dependingOn(cdn({ origins: [origin(UNKNOWN)] }), websiteBucket)], policy), [
                [policy, "mandatory", "distribution 'cdn' serves the S3 website endpoint of 'contentBucket'"],
            ]);
            assert.deepEqual(await pack.checkStack([plainBucket, dependingOn(cdn({ origins: [{ originId: "site", domainName: UNKNOWN, originAccessControlId: "E1" }] }), plainBucket)], policy), []);
        });

        it("accepts the bucket's REST endpoint", async () => {
            assert.deepEqual(await pack.checkStack([cdn({ origins: [{ originId: "site", domainName: "site-1a2b.s3.eu-west-1.amazonaws.com", originAccessControlId: "E1" }] })], policy), []);
        });
    });

    it("acm-cloudfront-certificate-region: with the ARN unknown, reads the region of the certificate the distribution takes it from", async () => {
        const policy = "acm-cloudfront-certificate-region";
        const certificate = (region: string) => resource("aws:acm/certificate:Certificate", { domainName: "example.com", region, arn: UNKNOWN }, "cert");
        const serving = (target: AnalyzedResource) => dependingOn(cdn({ viewerCertificate: { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only" } }), target);
        assert.deepEqual(await pack.checkStack([certificate("eu-west-3"), serving(certificate("eu-west-3"))], policy), [
            [policy, "mandatory", "distribution 'cdn' uses certificate 'cert' from eu-west-3; CloudFront only reads certificates in us-east-1"],
        ]);
        assert.deepEqual(await pack.checkStack([certificate("us-east-1"), serving(certificate("us-east-1"))], policy), []);
        const validation = resource("aws:acm/certificateValidation:CertificateValidation", { certificateArn: UNKNOWN, region: "us-east-1" }, "validation");
        assert.deepEqual(await pack.checkStack([validation, serving(validation)], policy), []);
    });

    it("directory and web ACL relations hold through dependencies when ids and ARNs are unknown", async () => {
        const ad = resource("aws:directoryservice/directory:Directory", { id: UNKNOWN, name: "corp.example.com", type: "MicrosoftAD" }, "ad");
        const registration = dependingOn(resource("aws:workspaces/directory:Directory", { directoryId: UNKNOWN }, "ws"), ad);
        const radius = dependingOn(resource("aws:directoryservice/radiusSettings:RadiusSettings", { directoryId: UNKNOWN, authenticationProtocol: "MS-CHAPv2" }, "mfa"), ad);
        assert.deepEqual(await pack.checkStack([ad, registration, radius], "directoryservice-radius-mfa"), []);
        assert.deepEqual(await pack.checkStack([ad, registration], "directoryservice-radius-mfa"), [
            ["directoryservice-radius-mfa", "advisory", "directory 'corp.example.com' is used by WorkSpaces without RADIUS MFA"],
        ]);
        const acl = resource("aws:wafv2/webAcl:WebAcl", { arn: UNKNOWN, scope: "CLOUDFRONT" }, "acl");
        const logging = dependingOn(resource("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", { resourceArn: UNKNOWN }, "acl-logs"), acl);
        assert.deepEqual(await pack.checkStack([acl, logging], "waf-logging"), []);
        assert.deepEqual(await pack.checkStack([acl], "waf-logging"), [["waf-logging", "advisory", "web ACL 'acl' has no logging configuration"]]);
    });

    it("a certificate ARN unknown during the preview still counts as the distribution's own certificate", async () => {
        const props = (minimumProtocolVersion: string) => ({
            aliases: ["www.example.com"],
            viewerCertificate: { acmCertificateArn: UNKNOWN, sslSupportMethod: "sni-only", minimumProtocolVersion },
        });
        const certificatePolicies = ["cloudfront-minimum-tls", "cloudfront-sni", "cloudfront-custom-certificate", "cloudfront-default-certificate", "cloudfront-viewer-tls12"];
        const judged = async (version: string) => (await pack.check(DIST, props(version))).filter(([name]) => certificatePolicies.includes(name));
        assert.deepEqual(await judged("TLSv1.2_2021"), []);
        assert.deepEqual(await judged("TLSv1.1_2016"), [
            ["cloudfront-minimum-tls", "mandatory", 'minimumProtocolVersion "TLSv1.1_2016" is not allowed; use one of TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025'],
            ["cloudfront-viewer-tls12", "advisory", 'minimumProtocolVersion "TLSv1.1_2016" accepts TLS older than 1.2'],
        ]);
    });

    it("a resource policy that reads an unknown value says it can't run, at advisory level", async () => {
        const props = { origins: [{ originId: "fn", domainName: UNKNOWN }], defaultCacheBehavior: { viewerProtocolPolicy: "https-only" } };
        const findings = await pack.check(DIST, props, "cloudfront-lambda-url-origin-access-control");
        assert.deepEqual(findings.map(([name, level]) => [name, level]), [["cloudfront-lambda-url-origin-access-control", "advisory"]]);
        assert.match(findings[0][2], /can't run policy 'cloudfront-lambda-url-origin-access-control' .* during preview: string value at \.origins\.0\.domainName can't be known during preview/);
    });
});
