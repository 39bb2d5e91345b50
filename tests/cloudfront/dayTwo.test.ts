import * as assert from "node:assert/strict";
import { cloudfront } from "../../components";
import { ALARM, errorOf, MINIMAL, plan, RECORD, SITE_BUCKET, WEB_ACL } from "./fixtures";

const HEADER = "aws-euc:cloudfront:Distribution 'cdn' has invalid arguments:\n";
const ALB = { http: { domainName: "app-123.eu-west-3.elb.amazonaws.com" } };

function rejects(args: Partial<cloudfront.DistributionArgs>, ...lines: string[]): void {
    assert.equal(errorOf(args), HEADER + lines.map((l) => `  - ${l}`).join("\n"));
}

/** The rule-action overrides of a managed group in the created web ACL, by rule name. */
function counted(rules: any[], group: string): string[] | undefined {
    const statement = rules.find((r) => r.name === `AWS-${group}`).statement.managedRuleGroupStatement;
    return statement.ruleActionOverrides?.map((o: any) => `${o.name}:${Object.keys(o.actionToUse)[0]}`);
}

describe("cloudfront.Distribution behaves right once deployed", () => {
    it("retains the ACM validation records, shared across certificates of the account, on destroy (9)", async () => {
        const { engine } = await plan({ ...MINIMAL, aliases: ["www.example.com"], hostedZone: { name: "example.com" } });
        const records = engine.ofType(RECORD, "cdn-certificate");
        assert.deepEqual(records.map((r) => [r.name, r.inputs.allowOverwrite, r.options.retainOnDelete]), [["cdn-certificate-validation-www.example.com", true, true]]);
    });

    it("serves index.html for / only when the default behavior goes to S3 (10)", async () => {
        const alb = await plan({ origins: { app: ALB, assets: { s3: { bucket: SITE_BUCKET } } }, defaultBehavior: { origin: "app" }, behaviors: [{ pathPattern: "/static/*", origin: "assets" }] });
        assert.equal(alb.engine.inputsOf("cdn-distribution").defaultRootObject, undefined);
        const s3 = await plan({ origins: { app: ALB, assets: { s3: { bucket: SITE_BUCKET } } }, defaultBehavior: { origin: "assets" } });
        assert.equal(s3.engine.inputsOf("cdn-distribution").defaultRootObject, "index.html");
        const group = await plan({
            origins: { primary: { s3: { bucket: SITE_BUCKET } }, backup: ALB },
            originGroups: { site: { primary: "primary", secondary: "backup" } },
            defaultBehavior: { origin: "site" },
        });
        assert.equal(group.engine.inputsOf("cdn-distribution").defaultRootObject, "index.html");
    });

    it("adds HSTS includeSubDomains only when asked, and preload only with it (11)", () =>
        rejects(
            { securityHeaders: { hstsPreload: true } },
            "securityHeaders.hstsPreload: preload lists take only HSTS with includeSubDomains; set `hstsIncludeSubdomains: true` as well (once every subdomain serves HTTPS)",
        ));

    it("counts, instead of blocking, the common rules that break APIs when a behavior takes bodies (12)", async () => {
        const site = await plan(MINIMAL);
        assert.equal(counted(site.engine.inputsOf("cdn-waf").rules, "AWSManagedRulesCommonRuleSet"), undefined, "a static site blocks them");
        const api = await plan({ origins: { site: { s3: { bucket: SITE_BUCKET } }, api: ALB }, defaultBehavior: { origin: "site" }, behaviors: [{ pathPattern: "/api/*", origin: "api", allowedMethods: "ALL" }] });
        assert.deepEqual(counted(api.engine.inputsOf("cdn-waf").rules, "AWSManagedRulesCommonRuleSet"), ["SizeRestrictions_BODY:count", "NoUserAgent_HEADER:count"]);
    });

    it("takes per-rule overrides of any managed group (12)", async () => {
        const { engine } = await plan({
            ...MINIMAL,
            waf: { managedRuleGroups: [{ name: "AWSManagedRulesCommonRuleSet", countRules: ["SizeRestrictions_BODY"] }, "AWSManagedRulesKnownBadInputsRuleSet"] },
        });
        const rules = engine.get("cdn-waf", WEB_ACL).inputs.rules;
        assert.deepEqual(counted(rules, "AWSManagedRulesCommonRuleSet"), ["SizeRestrictions_BODY:count"]);
        assert.equal(counted(rules, "AWSManagedRulesKnownBadInputsRuleSet"), undefined);
        rejects(
            { waf: { managedRuleGroups: [{ name: "AWSManagedRulesCommonRuleSet", countRules: ["Size Restrictions"] }] } },
            "waf.managedRuleGroups[0].countRules[0]: 'Size Restrictions' is not a rule name, e.g. 'SizeRestrictions_BODY'",
        );
    });

    it("subscribes the alarm emails to the created topic, and refuses a topic nobody reads (13)", async () => {
        const { engine } = await plan({ ...MINIMAL, monitoring: { createAlarmTopic: true, alarmEmails: ["oncall@example.com", "Web.Team@example.com"] } });
        const topic = engine.get("cdn-alarms", "aws:sns/topic:Topic");
        const subscriptions = engine.ofType("aws:sns/topicSubscription:TopicSubscription", "cdn");
        assert.deepEqual(
            subscriptions.map((s) => [s.name, s.inputs.region, s.inputs.topic, s.inputs.protocol, s.inputs.endpoint]),
            [
                ["cdn-alarms-oncall-example.com", "us-east-1", topic.state.arn, "email", "oncall@example.com"],
                ["cdn-alarms-web.team-example.com", "us-east-1", topic.state.arn, "email", "Web.Team@example.com"],
            ],
        );
        assert.deepEqual(engine.ofType(ALARM).map((a) => a.inputs.alarmActions), [[topic.state.arn], [topic.state.arn]]);
        rejects(
            { monitoring: { createAlarmTopic: true } },
            "monitoring.alarmEmails: the created alarm topic would notify nobody; list at least one email address (or pass your own subscribed topic as `alarmTopicArn`)",
        );
        rejects(
            { monitoring: { alarmEmails: ["not-an-email"] } },
            "monitoring.alarmEmails: needs `createAlarmTopic: true`: the addresses are subscribed to the created topic",
            "monitoring.alarmEmails[0]: 'not-an-email' is not an email address",
        );
    });

    it("refuses an Origin Shield region that has none (14)", () =>
        rejects(
            { origins: { site: { s3: { bucket: SITE_BUCKET }, originShieldRegion: "eu-west-99" } } },
            "origins.site.originShieldRegion: 'eu-west-99' has no Origin Shield; use the one nearest the origin among 'us-east-1', 'us-east-2', 'us-west-2', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-southeast-1', 'ap-southeast-2', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'sa-east-1'",
        ));

    it("passes a valid Origin Shield region through (14)", async () => {
        const { engine } = await plan({ origins: { site: { s3: { bucket: SITE_BUCKET }, originShieldRegion: "eu-west-2" } } });
        assert.deepEqual(engine.inputsOf("cdn-distribution").origins[0].originShield, { enabled: true, originShieldRegion: "eu-west-2" });
    });
});
