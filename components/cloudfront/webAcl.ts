import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDFRONT_REGION, Tags } from "../shared";
import type { WafOptions } from "./distributionArgs";

type Rule = aws.types.input.wafv2.WebAclRule;

/** AWS managed rule groups that every public site should run: OWASP common, Log4j/bad inputs, bad IPs. */
export const DEFAULT_MANAGED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
];

/** Requests per client IP per 5 minutes: generous for people, low for a flood. */
export const DEFAULT_RATE_LIMIT = 2000;

function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** The rules of the created web ACL: the managed groups in order, then the per-IP rate limit. */
export function webAclRules(options: WafOptions): Rule[] {
    const groups = options.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS;
    const managed: Rule[] = groups.map((group, i) => ({
        name: `AWS-${group}`,
        priority: (i + 1) * 10,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
        visibilityConfig: visibility(group),
    }));
    const rateLimit: Rule = {
        name: "RateLimitPerIp",
        priority: (groups.length + 1) * 10,
        action: { block: {} },
        statement: {
            rateBasedStatement: {
                limit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
                aggregateKeyType: "IP",
                evaluationWindowSec: 300,
            },
        },
        visibilityConfig: visibility("RateLimitPerIp"),
    };
    return [...managed, rateLimit];
}

/** Creates a WAFv2 web ACL of scope CLOUDFRONT in us-east-1 that allows what its rules do not block. */
export function createWebAcl(
    resourceName: string,
    options: WafOptions,
    tags: Tags,
    parent: pulumi.Resource,
): aws.wafv2.WebAcl {
    return new aws.wafv2.WebAcl(
        resourceName,
        {
            region: CLOUDFRONT_REGION,
            scope: "CLOUDFRONT",
            description: `Protects the CloudFront distribution of ${resourceName}`,
            defaultAction: { allow: {} },
            rules: webAclRules(options),
            visibilityConfig: visibility(resourceName.replace(/[^A-Za-z0-9_-]/g, "-")),
            tags,
        },
        { parent },
    );
}
