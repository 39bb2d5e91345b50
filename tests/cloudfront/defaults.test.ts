import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { LOG_DELIVERY_CANONICAL_USER_ID, unwrap } from "../engine";
import { DISTRIBUTION, HEADERS_POLICY, MINIMAL, onlyOfType, plan, SITE_BUCKET, WEB_ACL } from "./fixtures";

describe("cloudfront.Distribution with minimal arguments", () => {
    it("registers the component, with every child parented to it", async () => {
        const { engine } = await plan(MINIMAL);
        const component = engine.get("cdn", cloudfront.DISTRIBUTION_TYPE);
        assert.equal(component.type, "aws-euc:cloudfront:Distribution");
        const children = engine.resources.filter((r) => r.urn !== component.urn);
        assert.deepEqual(children.filter((r) => r.parent !== component.urn).map((r) => r.name), []);
        assert.deepEqual(engine.find({ parent: "cdn" }).map((r) => r.type).sort(), [
            "aws:cloudfront/distribution:Distribution",
            "aws:cloudfront/originAccessControl:OriginAccessControl",
            "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketAcl:BucketAcl",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:wafv2/webAcl:WebAcl",
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
        ]);
    });

    it("serves viewers over HTTPS only, with the security headers policy on the default behavior", async () => {
        const { engine } = await plan(MINIMAL);
        const inputs = engine.inputsOf("cdn-distribution");
        const headers = onlyOfType(engine, HEADERS_POLICY);
        assert.deepEqual(inputs.defaultCacheBehavior, {
            targetOriginId: "site",
            viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD"],
            cachedMethods: ["GET", "HEAD"],
            compress: true,
            cachePolicyId: cloudfront.MANAGED_CACHE_POLICIES.CachingOptimized,
            responseHeadersPolicyId: headers.id,
            functionAssociations: [],
            lambdaFunctionAssociations: [],
        });
        assert.deepEqual(inputs.viewerCertificate, { cloudfrontDefaultCertificate: true });
        assert.equal(inputs.defaultRootObject, "index.html");
        assert.equal(inputs.httpVersion, "http2and3");
        assert.equal(inputs.isIpv6Enabled, true);
        assert.equal(inputs.priceClass, "PriceClass_All");
        assert.deepEqual(inputs.restrictions, { geoRestriction: { restrictionType: "none", locations: [] } });
        assert.deepEqual(inputs.tags, { "aws-euc:component": "aws-euc:cloudfront:Distribution" });
    });

    it("creates a response headers policy with 2-year HSTS (subdomains opt-in), nosniff, frame DENY and a referrer policy", async () => {
        const { engine } = await plan(MINIMAL);
        const policy = onlyOfType(engine, HEADERS_POLICY);
        assert.match(policy.name, /^aws-euc-security-headers-[0-9a-f]{8}$/);
        assert.equal(policy.parent, engine.get("cdn", cloudfront.DISTRIBUTION_TYPE).urn);
        assert.deepEqual(policy.inputs.securityHeadersConfig, {
            strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: false, preload: false, override: true },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: "DENY", override: true },
            referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
        });
    });

    it("reads the S3 origin through an Origin Access Control, and the bucket admits only this distribution", async () => {
        const { engine, cdn } = await plan(MINIMAL);
        const oac = engine.get("cdn-oac");
        assert.deepEqual(
            { type: oac.inputs.originAccessControlOriginType, signing: oac.inputs.signingBehavior, protocol: oac.inputs.signingProtocol },
            { type: "s3", signing: "always", protocol: "sigv4" },
        );
        const [origin] = engine.inputsOf("cdn-distribution").origins;
        assert.equal(origin.domainName, SITE_BUCKET.bucketRegionalDomainName);
        assert.equal(origin.originAccessControlId, oac.id);
        assert.equal(origin.s3OriginConfig, undefined, "no legacy origin access identity");

        const policy = engine.get("cdn-site-bucket-policy");
        assert.equal(policy.inputs.bucket, "site-content");
        const distributionArn = await unwrap(cdn.arn);
        assert.deepEqual(JSON.parse(policy.inputs.policy).Statement, [
            {
                Sid: "AllowCloudFrontServicePrincipalReadOnly",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:GetObject",
                Resource: "arn:aws:s3:::site-content/*",
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
            {
                Sid: "AllowCloudFrontServicePrincipalNotFound",
                Effect: "Allow",
                Principal: { Service: "cloudfront.amazonaws.com" },
                Action: "s3:ListBucket",
                Resource: "arn:aws:s3:::site-content",
                Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
            },
        ]);
        assert.match(distributionArn, /^arn:aws:cloudfront::123456789012:distribution\/E[0-9A-Z]{13}$/);
    });

    it("attaches a WAFv2 web ACL of scope CLOUDFRONT in us-east-1 with the managed rule groups and a rate limit", async () => {
        const { engine, cdn } = await plan(MINIMAL);
        const acl = engine.get("cdn-waf", WEB_ACL);
        assert.equal(acl.inputs.region, "us-east-1");
        assert.equal(acl.inputs.scope, "CLOUDFRONT");
        assert.deepEqual(acl.inputs.defaultAction, { allow: {} });
        assert.deepEqual(
            acl.inputs.rules.map((r: any) => [r.priority, r.name, r.statement.managedRuleGroupStatement?.name ?? "rate"]),
            [
                [10, "AWS-AWSManagedRulesCommonRuleSet", "AWSManagedRulesCommonRuleSet"],
                [20, "AWS-AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"],
                [30, "AWS-AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesAmazonIpReputationList"],
                [40, "RateLimitPerIp", "rate"],
            ],
        );
        assert.deepEqual(acl.inputs.rules[3].statement.rateBasedStatement, { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 });
        assert.deepEqual(acl.inputs.rules[3].action, { block: {} });
        assert.equal(engine.inputsOf("cdn-distribution").webAclId, acl.state.arn);
        assert.equal(await unwrap(cdn.webAclArn), acl.state.arn);
        assert.match(acl.state.arn, /^arn:aws:wafv2:us-east-1:123456789012:global\/webacl\//);
    });

    it("logs to a created bucket that allows the log-delivery ACL, is private, encrypted, expiring and retained", async () => {
        const { engine, cdn } = await plan(MINIMAL);
        const bucket = engine.get("cdn-logs");
        const pieces = ["cdn-logs", "cdn-logs-public-access", "cdn-logs-ownership", "cdn-logs-acl", "cdn-logs-encryption", "cdn-logs-lifecycle", "cdn-logs-policy"];
        assert.deepEqual(
            pieces.map((piece) => [piece, engine.get(piece).options.retainOnDelete]),
            pieces.map((piece) => [piece, true]),
            "the bucket keeps its protections when the stack is destroyed or logging is turned off",
        );
        assert.equal(bucket.inputs.forceDestroy, undefined);
        const name = bucket.state.bucket;
        assert.deepEqual(engine.inputsOf("cdn-logs-ownership"), { bucket: name, rule: { objectOwnership: "BucketOwnerPreferred" } });
        const acl = engine.get("cdn-logs-acl");
        assert.deepEqual(
            acl.inputs.accessControlPolicy.grants.map((g: any) => [g.grantee.id, g.permission]),
            [
                [acl.inputs.accessControlPolicy.owner.id, "FULL_CONTROL"],
                [LOG_DELIVERY_CANONICAL_USER_ID, "FULL_CONTROL"],
            ],
        );
        assert.ok(acl.dependencies.includes(engine.get("cdn-logs-ownership").urn), "ACL waits for ownership controls");
        assert.deepEqual(engine.inputsOf("cdn-logs-public-access"), {
            bucket: name,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
        assert.deepEqual(engine.inputsOf("cdn-logs-encryption").rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
        assert.equal(engine.inputsOf("cdn-logs-lifecycle").rules[0].expiration.days, 90);
        assert.deepEqual(JSON.parse(engine.inputsOf("cdn-logs-policy").policy).Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
        assert.deepEqual(engine.inputsOf("cdn-distribution").loggingConfig, {
            bucket: `${name}.s3.amazonaws.com`,
            prefix: "cloudfront/",
            includeCookies: false,
        });
        assert.ok(engine.get("cdn-distribution").dependencies.includes(acl.urn), "the distribution waits for the ACL");
        assert.equal(await unwrap(cdn.logBucketName), name);
    });

    it("exposes id, arn, domain name, URL and the CloudFront hosted zone id", async () => {
        const { engine, cdn } = await plan(MINIMAL);
        const state = engine.get("cdn-distribution", DISTRIBUTION).state;
        assert.equal(await unwrap(cdn.id), engine.get("cdn-distribution").id);
        assert.equal(await unwrap(cdn.domainName), state.domainName);
        assert.equal(await unwrap(cdn.url), `https://${state.domainName}`);
        assert.equal(await unwrap(cdn.hostedZoneId), "Z2FDTNDATAQYW2");
        assert.equal(await unwrap(cdn.certificateArn), undefined);
    });

    it("makes no lookups", async () => {
        const { engine } = await plan(MINIMAL);
        assert.deepEqual(engine.invokes.map((i) => i.token).sort(), [
            "aws:cloudfront/getLogDeliveryCanonicalUserId:getLogDeliveryCanonicalUserId",
            "aws:s3/getCanonicalUserId:getCanonicalUserId",
        ]);
    });
});
