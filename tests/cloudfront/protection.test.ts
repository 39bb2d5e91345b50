import * as assert from "node:assert/strict";
import { unwrap } from "../engine";
import { ALARM, HEADERS_POLICY, MINIMAL, plan, WEB_ACL } from "./fixtures";

const EXISTING_ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shared/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

describe("cloudfront.Distribution protection options", () => {
    it("attaches an existing web ACL instead of creating one", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, waf: { webAclArn: EXISTING_ACL } });
        assert.deepEqual(engine.ofType(WEB_ACL), []);
        assert.equal(engine.inputsOf("cdn-distribution").webAclId, EXISTING_ACL);
        assert.equal(await unwrap(cdn.webAclArn), EXISTING_ACL);
    });

    it("creates no web ACL only on the explicit opt-out `waf: false`", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, waf: false });
        assert.deepEqual(engine.ofType(WEB_ACL), []);
        assert.equal(engine.inputsOf("cdn-distribution").webAclId, undefined);
        assert.equal(await unwrap(cdn.webAclArn), undefined);
    });

    it("tunes the created web ACL's rate limit and managed rule groups", async () => {
        const { engine } = await plan({ ...MINIMAL, waf: { rateLimit: 500, managedRuleGroups: ["AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"] } });
        const rules = engine.inputsOf("cdn-waf").rules;
        assert.deepEqual(rules.map((r: any) => r.name), ["AWS-AWSManagedRulesKnownBadInputsRuleSet", "AWS-AWSManagedRulesSQLiRuleSet", "RateLimitPerIp"]);
        assert.equal(rules[2].statement.rateBasedStatement.limit, 500);
    });

    it("logs to an existing bucket without creating one", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, logging: { bucket: { bucket: "org-logs", bucketDomainName: "org-logs.s3.amazonaws.com" }, prefix: "cdn/", includeCookies: true } });
        assert.deepEqual(engine.ofType("aws:s3/bucket:Bucket"), []);
        assert.deepEqual(engine.inputsOf("cdn-distribution").loggingConfig, { bucket: "org-logs.s3.amazonaws.com", prefix: "cdn/", includeCookies: true });
        assert.equal(await unwrap(cdn.logBucketName), "org-logs");
    });

    it("turns logging off only on the explicit opt-out `logging: false`", async () => {
        const { engine } = await plan({ ...MINIMAL, logging: false });
        assert.deepEqual(engine.ofType("aws:s3/bucket:Bucket"), []);
        assert.equal(engine.inputsOf("cdn-distribution").loggingConfig, undefined);
    });

    it("sets the log retention of the created bucket", async () => {
        const { engine } = await plan({ ...MINIMAL, logging: { expirationDays: 400 } });
        assert.equal(engine.inputsOf("cdn-logs-lifecycle").rules[0].expiration.days, 400);
    });

    it("adds a CSP and custom HSTS, or uses an existing headers policy, or none on `securityHeaders: false`", async () => {
        const custom = await plan({ ...MINIMAL, securityHeaders: { contentSecurityPolicy: "default-src 'self'", hstsMaxAgeSeconds: 31536000, hstsIncludeSubdomains: true, hstsPreload: true, frameOption: "SAMEORIGIN" } });
        const config = custom.engine.ofType(HEADERS_POLICY)[0].inputs.securityHeadersConfig;
        assert.deepEqual(config.contentSecurityPolicy, { contentSecurityPolicy: "default-src 'self'", override: true });
        assert.deepEqual(
            [config.strictTransportSecurity.accessControlMaxAgeSec, config.strictTransportSecurity.includeSubdomains, config.strictTransportSecurity.preload, config.frameOptions.frameOption],
            [31536000, true, true, "SAMEORIGIN"],
        );

        const existing = await plan({ ...MINIMAL, securityHeaders: { policyId: "67f7725c-6f97-4210-82d7-5512b31e9d03" } });
        assert.deepEqual(existing.engine.ofType(HEADERS_POLICY), []);
        assert.equal(existing.engine.inputsOf("cdn-distribution").defaultCacheBehavior.responseHeadersPolicyId, "67f7725c-6f97-4210-82d7-5512b31e9d03");

        const none = await plan({ ...MINIMAL, securityHeaders: false });
        assert.deepEqual(none.engine.ofType(HEADERS_POLICY), []);
        assert.equal(none.engine.inputsOf("cdn-distribution").defaultCacheBehavior.responseHeadersPolicyId, undefined);
    });

    it("creates 5xx and 4xx error-rate alarms in us-east-1 on the distribution, notifying a created topic", async () => {
        const { engine, cdn } = await plan({ ...MINIMAL, monitoring: { createAlarmTopic: true, alarmEmails: ["oncall@example.com"], error5xxRatePercent: 2, additionalMetrics: true } });
        const topic = engine.get("cdn-alarms", "aws:sns/topic:Topic");
        assert.equal(topic.inputs.region, "us-east-1");
        const id = await unwrap(cdn.id);
        const alarms = engine.ofType(ALARM, "cdn").map((a) => a.inputs);
        assert.deepEqual(
            alarms.map((a) => [a.region, a.namespace, a.metricName, a.dimensions, a.threshold, a.comparisonOperator, a.alarmActions]),
            [
                ["us-east-1", "AWS/CloudFront", "5xxErrorRate", { DistributionId: id, Region: "Global" }, 2, "GreaterThanThreshold", [topic.state.arn]],
                ["us-east-1", "AWS/CloudFront", "4xxErrorRate", { DistributionId: id, Region: "Global" }, 15, "GreaterThanThreshold", [topic.state.arn]],
            ],
        );
        assert.deepEqual(engine.inputsOf("cdn-metrics").monitoringSubscription, { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } });
    });

    it("notifies an existing topic and creates no additional metrics by default", async () => {
        const topicArn = "arn:aws:sns:us-east-1:123456789012:oncall";
        const { engine } = await plan({ ...MINIMAL, monitoring: { alarmTopicArn: topicArn } });
        assert.deepEqual(engine.ofType("aws:sns/topic:Topic"), []);
        assert.deepEqual(engine.ofType("aws:cloudfront/monitoringSubscription:MonitoringSubscription"), []);
        assert.deepEqual(engine.ofType(ALARM).map((a) => a.inputs.alarmActions), [[topicArn], [topicArn]]);
    });
});
