import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { errorOf, MINIMAL, SITE_BUCKET, startEngine } from "./fixtures";

const HEADER = "aws-euc:cloudfront:Distribution 'cdn' has invalid arguments:\n";
const ZONE = { hostedZone: { name: "example.com" } };

/** Asserts that `args` are rejected with exactly these `path: reason` lines. */
function rejects(args: Partial<cloudfront.DistributionArgs>, ...lines: string[]): void {
    assert.equal(errorOf(args), HEADER + lines.map((l) => `  - ${l}`).join("\n"));
}

describe("cloudfront.Distribution rejects bad input at construction", () => {
    it("aliases or path patterns whose resource names would collide", () =>
        rejects(
            {
                ...ZONE,
                aliases: ["*.example.com", "wildcard.example.com"],
                behaviors: [
                    { pathPattern: "/api/*", cachePolicy: { custom: { defaultTtl: 60 } } },
                    { pathPattern: "api/*", cachePolicy: { custom: { defaultTtl: 60 } } },
                ],
            },
            "behaviors[1].pathPattern: 'api/*' names its cache policy like behavior '/api/*' (key 'api-star'); change one of the patterns or reuse a policy by { id }",
            "aliases[1]: 'wildcard.example.com' and '*.example.com' would name the same DNS records (key 'wildcard.example.com'); keep one of them",
        ));

    it("path patterns sharing a key are fine when at most one of them creates a cache policy", () => {
        startEngine();
        assert.doesNotThrow(
            () =>
                new cloudfront.Distribution("cdn", {
                    ...MINIMAL,
                    behaviors: [{ pathPattern: "/api/*", cachePolicy: "CachingDisabled" }, { pathPattern: "api/*", cachePolicy: { custom: { defaultTtl: 60 } } }],
                }),
        );
    });

    it("a malformed alias", () =>
        rejects({ ...ZONE, aliases: ["Shop.Example.com"] }, "aliases[0]: 'Shop.Example.com' is not a lowercase domain name; use e.g. 'www.example.com' or '*.example.com'"));

    it("an alias outside the hosted zone, naming both", () =>
        rejects({ ...ZONE, aliases: ["www.example.com", "shop.example.org"] }, "aliases[1]: 'shop.example.org' is not inside hosted zone 'example.com'; use a zone that contains it or remove the alias"));

    it("aliases without a certificate or zone", () =>
        rejects(
            { aliases: ["www.example.com"] },
            "aliases: serving your own domain names needs a certificate: set `hostedZone` (a certificate is created and validated), `externalDns: true` (created, validated through your DNS) or `certificateArn`",
        ));

    it("a certificate in another region", () =>
        rejects(
            { aliases: ["www.example.com"], certificateArn: "arn:aws:acm:eu-west-3:123456789012:certificate/abc" },
            "certificateArn: 'arn:aws:acm:eu-west-3:123456789012:certificate/abc' is in region 'eu-west-3'; CloudFront only uses ACM certificates in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>)",
        ));

    it("a certificate ARN that is not from ACM", () =>
        rejects(
            { aliases: ["www.example.com"], certificateArn: "arn:aws:iam::123456789012:server-certificate/x" },
            "certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' is not an ACM certificate ARN; CloudFront only uses ACM certificates in us-east-1 (arn:aws:acm:us-east-1:<account>:certificate/<id>)",
        ));

    it("conflicting certificate arguments", () =>
        rejects(
            { ...ZONE, aliases: ["www.example.com"], certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", certificateValidationTimeout: "1h" },
            "certificateValidationTimeout: conflicts with `certificateArn`: the timeout applies only to a certificate this component creates",
        ));

    it("a bad validation timeout", () =>
        rejects({ ...ZONE, aliases: ["www.example.com"], certificateValidationTimeout: "forever" }, "certificateValidationTimeout: 'forever' is not a duration; use a number and s, m or h, e.g. '45m' or '2h'"));

    it("a bad path pattern and a repeated one", () =>
        rejects(
            { behaviors: [{ pathPattern: "/api/ v1/*" }, { pathPattern: "*.js" }, { pathPattern: "*.js" }] },
            `behaviors[0].pathPattern: '/api/ v1/*' is not a path pattern; use at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + & ? (e.g. '/api/*' or '*.jpg')`,
            "behaviors[2].pathPattern: '*.js' is used by an earlier behavior; each path pattern may appear once",
        ));

    it("TTLs out of range or out of order", () =>
        rejects(
            { defaultBehavior: { cachePolicy: { custom: { maxTtl: 40_000_000 } } }, behaviors: [{ pathPattern: "/a/*", cachePolicy: { custom: { minTtl: 600, defaultTtl: 60 } } }] },
            "defaultBehavior.cachePolicy.custom.maxTtl: 40000000 is out of range; use an integer from 0 to 31536000 seconds",
            "behaviors[0].cachePolicy.custom: TTLs must satisfy minTtl ≤ defaultTtl ≤ maxTtl; got 600 ≤ 60 ≤ 31536000",
        ));

    it("unknown managed policy names", () =>
        rejects(
            { defaultBehavior: { cachePolicy: "CachingEverything" as never, originRequestPolicy: "AllHeaders" as never } },
            "defaultBehavior.cachePolicy: 'CachingEverything' is not an AWS managed cache policy; use one of 'CachingOptimized', 'CachingOptimizedForUncompressedObjects', 'CachingDisabled', 'Elemental-MediaPackage', 'Amplify', 'UseOriginCacheControlHeaders', 'UseOriginCacheControlHeaders-QueryStrings', or { id } of your own",
            "defaultBehavior.originRequestPolicy: 'AllHeaders' is not an AWS managed origin request policy; use one of 'AllViewer', 'AllViewerExceptHostHeader', 'AllViewerAndCloudFrontHeaders-2022-06', 'CORS-CustomOrigin', 'CORS-S3Origin', 'UserAgentRefererHeaders', 'Elemental-MediaTailor-PersonalizedManifests', or { id } of your own",
        ));

    it("a behavior without an origin when there are several, and an unknown origin key", () =>
        rejects(
            { origins: { a: { s3: { bucket: SITE_BUCKET } }, b: { http: { domainName: "b.example.net" } } }, behaviors: [{ pathPattern: "/x/*", origin: "c" }] },
            "defaultBehavior.origin: is required when there are 2 origins and groups; use one of 'a', 'b'",
            "behaviors[0].origin: 'c' is not an origin or origin group key; use one of 'a', 'b'",
        ));

    it("origins of neither or both kinds, bad paths, ranges and domains", () =>
        rejects(
            {
                origins: {
                    none: {} as never,
                    api: { http: { domainName: "https://api.example.net/v1", readTimeout: 0, sslProtocols: ["TLSv1.3" as never] }, originPath: "/v1/", connectionAttempts: 4 },
                },
                defaultBehavior: { origin: "api" },
            },
            "origins.none: set exactly one of `s3` (a bucket) or `http` (a custom origin)",
            "origins.api.originPath: '/v1/' must start with '/' and not end with '/', e.g. '/production'",
            "origins.api.connectionAttempts: 4 is out of range; use an integer from 1 to 3",
            "origins.api.http.domainName: 'https://api.example.net/v1' must be a bare domain name, without scheme, port or path (e.g. 'api.example.com')",
            "origins.api.http.sslProtocols[0]: 'TLSv1.3' is not an origin SSL protocol; use one of 'TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3'",
            "origins.api.http.readTimeout: 0 is out of range; use an integer from 1 to 180",
        ));

    it("origin groups with unknown or identical members and bad status codes", () =>
        rejects(
            { originGroups: { g: { primary: "site", secondary: "site", failoverStatusCodes: [501] }, h: { primary: "site", secondary: "nope", failoverStatusCodes: [] } }, defaultBehavior: { origin: "site" }, behaviors: [{ pathPattern: "/x/*", origin: "g", allowedMethods: "ALL" }] },
            "originGroups.g: primary and secondary are both 'site'; failover needs two different origins",
            "originGroups.g.failoverStatusCodes[0]: 501 cannot trigger failover; allowed: 400, 403, 404, 416, 500, 502, 503, 504",
            "originGroups.h.secondary: 'nope' is not an origin key; use one of 'site'",
            "originGroups.h.failoverStatusCodes: must list at least one status code, e.g. [500, 502, 503, 504]",
            "behaviors[0].allowedMethods: 'ALL' is not allowed on origin group 'g': failover only retries GET, HEAD and OPTIONS; use 'GET_HEAD' or 'GET_HEAD_OPTIONS'",
        ));

    it("a cache policy that caches nothing but keys on request parts", () =>
        rejects(
            { defaultBehavior: { cachePolicy: { custom: { maxTtl: 0, queryStrings: "all" } } } },
            "defaultBehavior.cachePolicy.custom: a policy that caches nothing (maxTtl 0) cannot have cache-key query strings, headers or cookies; use the managed 'CachingDisabled' with an origin request policy instead",
        ));

    it("edge functions: two per event, wrong event types, unversioned or out-of-region Lambda ARNs", () =>
        rejects(
            {
                defaultBehavior: {
                    functions: [
                        { eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/a" },
                        { eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/b" },
                        { eventType: "origin-request" as never, functionArn: "arn:aws:cloudfront::123456789012:function/c" },
                    ],
                    edgeLambdas: [{ eventType: "viewer-response", lambdaArn: "arn:aws:lambda:eu-west-1:123456789012:function:edge", includeBody: true }],
                },
            },
            "defaultBehavior.functions[1].eventType: 'viewer-request' already has a function; a behavior takes one per event type",
            "defaultBehavior.functions[2].eventType: 'origin-request' is not allowed; use one of 'viewer-request', 'viewer-response'",
            "defaultBehavior.edgeLambdas[0].lambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:edge' must be a versioned Lambda function ARN in us-east-1 (arn:aws:lambda:us-east-1:<account>:function:<name>:<version>)",
            "defaultBehavior.edgeLambdas[0].includeBody: a 'viewer-response' function cannot read the request body; use a request event",
        ));

    it("insecure or unknown TLS and viewer settings outside the allowed values", () =>
        rejects(
            { minimumProtocolVersion: "TLSv1" as never, defaultBehavior: { viewerProtocolPolicy: "http-only" as never }, priceClass: "PriceClass_1" as never },
            "defaultBehavior.viewerProtocolPolicy: 'http-only' is not allowed; use one of 'redirect-to-https', 'https-only', 'allow-all'",
            "minimumProtocolVersion: 'TLSv1' is not allowed; use one of 'TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'",
            "priceClass: 'PriceClass_1' is not allowed; use one of 'PriceClass_All', 'PriceClass_200', 'PriceClass_100'",
        ));

    it("bad geo restriction countries and error responses", () =>
        rejects(
            { geoRestriction: { type: "allowlist", countries: ["fr", "FRA"] }, errorResponses: [{ errorCode: 302, responseCode: 200 }, { errorCode: 404, responsePagePath: "index.html", responseCode: 200, cachingMinTtl: -1 }] },
            "geoRestriction.countries[0]: 'fr' is not an ISO 3166-1 alpha-2 country code; use two capital letters such as 'FR'",
            "geoRestriction.countries[1]: 'FRA' is not an ISO 3166-1 alpha-2 country code; use two capital letters such as 'FR'",
            "errorResponses[0].errorCode: 302 cannot be customised; use one of 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504",
            "errorResponses[0]: set both `responseCode` and `responsePagePath`, or neither",
            "errorResponses[1].responsePagePath: 'index.html' must be a path starting with '/', e.g. '/index.html'",
            "errorResponses[1].cachingMinTtl: -1 is out of range; use an integer from 0 to 31536000 seconds",
        ));

    it("conflicting protection arguments: an existing resource plus options for a created one", () =>
        rejects(
            {
                waf: { webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b", rateLimit: 100 },
                logging: { bucket: { bucket: "b", bucketDomainName: "b.s3.amazonaws.com" }, expirationDays: 30 },
                securityHeaders: { policyId: "p", contentSecurityPolicy: "default-src 'self'" },
                monitoring: { alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:t", createAlarmTopic: true },
            },
            "securityHeaders.contentSecurityPolicy: conflicts with `securityHeaders.policyId`: an existing resource is used as it is, so its options cannot be set here",
            "waf.rateLimit: conflicts with `waf.webAclArn`: an existing resource is used as it is, so its options cannot be set here",
            "logging.expirationDays: conflicts with `logging.bucket`: an existing resource is used as it is, so its options cannot be set here",
            "monitoring.createAlarmTopic: conflicts with `monitoring.alarmTopicArn`: use an existing topic or create one, not both",
        ));

    it("protection values out of range or of the wrong kind", () =>
        rejects(
            {
                waf: { rateLimit: 5, managedRuleGroups: ["CommonRuleSet"] },
                securityHeaders: { hstsMaxAgeSeconds: 86400 },
                logging: { expirationDays: 0, prefix: "/logs" },
                monitoring: { error5xxRatePercent: 150, alarmTopicArn: "arn:aws:sns:eu-west-3:123456789012:t" },
            },
            "securityHeaders.hstsMaxAgeSeconds: 86400 is out of range; use an integer from 31536000 to 2147483647 seconds (at least one year)",
            "waf.rateLimit: 5 is out of range; use an integer from 10 to 2000000000 requests per 5 minutes",
            "waf.managedRuleGroups[0]: 'CommonRuleSet' must be an AWS managed rule group name listed once, e.g. 'AWSManagedRulesSQLiRuleSet'",
            "logging.expirationDays: 0 is out of range; use an integer from 1 to 3650 days",
            "logging.prefix: '/logs' must not start with '/'",
            "monitoring.error5xxRatePercent: 150 is out of range; use an integer from 0 to 100 percent",
            "monitoring.alarmTopicArn: 'arn:aws:sns:eu-west-3:123456789012:t' must be an SNS topic in us-east-1, where CloudFront alarms live",
        ));

    it("a WAF ARN that is regional rather than CLOUDFRONT-scoped", () =>
        rejects(
            { waf: { webAclArn: "arn:aws:wafv2:eu-west-3:123456789012:regional/webacl/a/b" } },
            "waf.webAclArn: 'arn:aws:wafv2:eu-west-3:123456789012:regional/webacl/a/b' is not a WAFv2 web ACL of scope CLOUDFRONT; use arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>",
        ));

    it("a media preset on an unknown origin, with TTLs out of range, clashing with a behavior", () =>
        rejects(
            { behaviors: [{ pathPattern: "*.m3u8" }], mediaStreaming: { origin: "video", manifestTtl: 7200, segmentTtl: 10 } },
            "mediaStreaming.origin: 'video' is not an origin key; use one of 'site'",
            "mediaStreaming.manifestTtl: 7200 is out of range; use an integer from 1 to 3600 seconds",
            "mediaStreaming.segmentTtl: 10 is out of range; use an integer from 60 to 31536000 seconds",
            "mediaStreaming: the preset's path pattern '*.m3u8' is also in `behaviors`; remove one of them",
        ));

    it("no origins at all", () => rejects({ origins: {} }, "origins: at least one origin is required"));

    it("skips checks of values that are unknown until deployment", () => {
        startEngine();
        const arn = Promise.resolve("arn:aws:acm:eu-west-3:123456789012:certificate/abc");
        assert.doesNotThrow(() => new cloudfront.Distribution("cdn", { ...MINIMAL, aliases: ["www.example.com"], certificateArn: arn }));
    });

    it("rejects a bad standalone Certificate with every problem listed", () => {
        startEngine();
        assert.throws(
            () => new cloudfront.Certificate("c", { domainName: "example..com", subjectAlternativeNames: ["www.example.com", "www.example.com"], hostedZoneId: "Z1", keyAlgorithm: "RSA_4096" as never }),
            {
                message:
                    "aws-euc:cloudfront:Certificate 'c' has invalid arguments:\n" +
                    "  - domainName: 'example..com' is not a lowercase domain name\n" +
                    "  - subjectAlternativeNames: lists a name twice (or repeats `domainName`)\n" +
                    "  - keyAlgorithm: 'RSA_4096' is not accepted by CloudFront; use one of 'RSA_2048', 'EC_prime256v1'",
            },
        );
    });
});
