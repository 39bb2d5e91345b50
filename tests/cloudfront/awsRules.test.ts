import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { planOn } from "../engine";

/** The message of the first failure of a raw-resource program on the mock cloud. */
async function refusalOf(build: () => void): Promise<string> {
    try {
        await planOn({}, build);
    } catch (err) {
        return (err as Error).message;
    }
    throw new Error("expected the mock cloud to refuse the plan");
}

const VISIBILITY = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: "m" };
const NONE = { queryStringsConfig: { queryStringBehavior: "none" }, cookiesConfig: { cookieBehavior: "none" }, headersConfig: { headerBehavior: "none" } };
const SECURITY = { strictTransportSecurity: { accessControlMaxAgeSec: 31536000, override: true } };

function distribution(name: string, behavior: Record<string, unknown>, origin: Record<string, unknown> = {}): aws.cloudfront.Distribution {
    return new aws.cloudfront.Distribution(name, {
        enabled: true,
        origins: [{ originId: "o", domainName: "o.example.com", customOriginConfig: { originProtocolPolicy: "https-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] }, ...origin }],
        defaultCacheBehavior: { targetOriginId: "o", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], ...behavior },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
    });
}

describe("the mock cloud refuses what AWS refuses for CloudFront, WAF and ACM", () => {
    it("a web ACL whose name has a dot", async () => {
        const message = await refusalOf(() => {
            new aws.wafv2.WebAcl("www.example.com-waf", { scope: "CLOUDFRONT", region: "us-east-1", defaultAction: { allow: {} }, visibilityConfig: VISIBILITY });
        });
        assert.match(message, /AWS would refuse aws:wafv2\/webAcl:WebAcl "www\.example\.com-waf": WAFInvalidParameterException: .*field: NAME, parameter: www\.example\.com-waf-[0-9a-f]{7}$/);
    });

    it("a cache policy named with a dot, and one with a comment over 128 characters", async () => {
        const dotted = await refusalOf(() => {
            new aws.cloudfront.CachePolicy("site-cache-wildcard.jpg", { minTtl: 0, parametersInCacheKeyAndForwardedToOrigin: NONE });
        });
        assert.match(dotted, /"site-cache-wildcard\.jpg": InvalidArgument: The policy name 'site-cache-wildcard\.jpg-[0-9a-f]{7}' is not valid/);
        const long = await refusalOf(() => {
            new aws.cloudfront.CachePolicy("p", { comment: "c".repeat(129), minTtl: 0, parametersInCacheKeyAndForwardedToOrigin: NONE });
        });
        assert.match(long, /"p": InvalidArgument: The comment has 129 characters; the maximum is 128$/);
    });

    it("an empty cache-key allow list", async () => {
        const message = await refusalOf(() => {
            new aws.cloudfront.CachePolicy("p", {
                minTtl: 0,
                parametersInCacheKeyAndForwardedToOrigin: { ...NONE, queryStringsConfig: { queryStringBehavior: "whitelist", queryStrings: { items: [] } } },
            });
        });
        assert.match(message, /"p": InvalidArgument: QueryStringsConfig: behavior 'whitelist' needs at least one name$/);
    });

    it("the 21st response headers policy and the 21st cache policy of the account", async () => {
        const headers = await refusalOf(() => {
            for (let i = 1; i <= 21; i++) {
                new aws.cloudfront.ResponseHeadersPolicy(`headers-${i}`, { securityHeadersConfig: SECURITY });
            }
        });
        assert.match(headers, /"headers-21": TooManyResponseHeadersPolicies: You have reached the maximum number of response headers policies for this AWS account \(20\); this plan creates 21$/);
        const cache = await refusalOf(() => {
            for (let i = 1; i <= 21; i++) {
                new aws.cloudfront.CachePolicy(`cache-${i}`, { minTtl: 0, parametersInCacheKeyAndForwardedToOrigin: NONE });
            }
        });
        assert.match(cache, /"cache-21": TooManyCachePolicies: .*\(20\); this plan creates 21$/);
    });

    it("accepts 20 of each", async () => {
        await planOn({}, () => {
            for (let i = 1; i <= 20; i++) {
                new aws.cloudfront.ResponseHeadersPolicy(`headers-${i}`, { securityHeadersConfig: SECURITY });
                new aws.cloudfront.CachePolicy(`cache-${i}`, { minTtl: 0, parametersInCacheKeyAndForwardedToOrigin: NONE });
            }
        });
    });

    it("a CloudFront Function and a Lambda@Edge on the same viewer event", async () => {
        const message = await refusalOf(() => {
            distribution("d", {
                functionAssociations: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/f" }],
                lambdaFunctionAssociations: [{ eventType: "viewer-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:l:1" }],
            });
        });
        assert.match(message, /"d": InvalidArgument: DefaultCacheBehavior: event type viewer-request has both a CloudFront function and a Lambda@Edge function; associate only one$/);
    });

    it("accepts a Function on viewer-request with a Lambda@Edge on origin-request", async () => {
        await planOn({}, () =>
            distribution("d", {
                functionAssociations: [{ eventType: "viewer-request", functionArn: "arn:aws:cloudfront::123456789012:function/f" }],
                lambdaFunctionAssociations: [{ eventType: "origin-request", lambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:l:1" }],
            }),
        );
    });

    it("an Origin Shield region that has none", async () => {
        const message = await refusalOf(() => {
            distribution("d", {}, { originShield: { enabled: true, originShieldRegion: "eu-west-99" } });
        });
        assert.match(message, /"d": InvalidArgument: Origin o: 'eu-west-99' is not an Origin Shield region$/);
    });

    it("the ATP rule group without its configuration", async () => {
        const message = await refusalOf(() => {
            new aws.wafv2.WebAcl("acl", {
                scope: "CLOUDFRONT",
                region: "us-east-1",
                defaultAction: { allow: {} },
                visibilityConfig: VISIBILITY,
                rules: [{ name: "atp", priority: 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesATPRuleSet" } }, visibilityConfig: VISIBILITY }],
            });
        });
        assert.match(message, /"acl": WAFInvalidParameterException: .*MANAGED_RULE_GROUP_CONFIG, parameter: AWSManagedRulesATPRuleSet$/);
    });

    it("WAF logs to a log group not named aws-waf-logs-…", async () => {
        const message = await refusalOf(() => {
            new aws.wafv2.WebAclLoggingConfiguration("logging", {
                region: "us-east-1",
                resourceArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b",
                logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:waf"],
            });
        });
        assert.match(message, /"logging": WAFInvalidParameterException: .*LOG_DESTINATION, parameter: arn:aws:logs:us-east-1:123456789012:log-group:waf$/);
    });

    it("a certificate with 11 names, and one whose common name is over 64 characters", async () => {
        const many = await refusalOf(() => {
            new aws.acm.Certificate("c", { domainName: "example.com", subjectAlternativeNames: Array.from({ length: 10 }, (_, i) => `s${i}.example.com`), validationMethod: "DNS" });
        });
        assert.match(many, /"c": LimitExceededException: Cannot request a certificate with more than 10 domain names; 11 were requested$/);
        const long = await refusalOf(() => {
            new aws.acm.Certificate("c", { domainName: `${"a".repeat(60)}.example.com`, validationMethod: "DNS" });
        });
        assert.match(long, /"c": ValidationException: .*'domainName' failed to satisfy constraint: Member must have length less than or equal to 64$/);
    });

    it("a log delivery destination whose name is over 60 characters or has a dot", async () => {
        const message = await refusalOf(() => {
            new aws.cloudwatch.LogDeliveryDestination("www.example.com-access-logs-to", { region: "us-east-1", deliveryDestinationConfiguration: { destinationResourceArn: "arn:aws:s3:::logs" } });
        });
        assert.match(message, /"www\.example\.com-access-logs-to": ValidationException: .*Value 'www\.example\.com-access-logs-to-[0-9a-f]{7}' at 'name' failed to satisfy constraint/);
    });

    it("a CloudFront log delivery source outside us-east-1", async () => {
        const message = await refusalOf(() => {
            new aws.cloudwatch.LogDeliverySource("s", { region: "eu-west-3", logType: "ACCESS_LOGS", resourceArn: "arn:aws:cloudfront::123456789012:distribution/E1" });
        });
        assert.match(message, /"s": ValidationException: CloudFront delivers ACCESS_LOGS through a delivery source in us-east-1; got log type ACCESS_LOGS in eu-west-3$/);
    });
});
