import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDFRONT_REGION, Tags } from "../shared";
import { awsSafeName } from "./awsNames";
import type { ManagedRuleGroupArgs, WafLoggingOptions, WafOptions } from "./distributionArgs";

type Rule = aws.types.input.wafv2.WebAclRule;

/** AWS managed rule groups that every public site should run: OWASP common, Log4j/bad inputs, bad IPs. */
export const DEFAULT_MANAGED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesAmazonIpReputationList",
];

/**
 * Rules of the common rule set that break APIs and uploads: bodies over 8 KB and requests without a
 * User-Agent. They only count when a behavior accepts every method.
 */
export const API_UNFRIENDLY_COMMON_RULES = ["SizeRestrictions_BODY", "NoUserAgent_HEADER"];

/** Requests per client IP per 5 minutes: generous for people, low for a flood. */
export const DEFAULT_RATE_LIMIT = 2000;

/** Days the created WAF log group keeps the logs. */
export const DEFAULT_WAF_LOG_RETENTION_DAYS = 90;
/** Headers whose values never reach the WAF logs. */
export const DEFAULT_REDACTED_HEADERS = ["authorization", "cookie"];

function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** A managed group given by name or with options, as options. */
export function ruleGroupOf(group: string | ManagedRuleGroupArgs): ManagedRuleGroupArgs {
    return typeof group === "string" ? { name: group } : group;
}

/**
 * The rules of the created web ACL: the managed groups in order, then the per-IP rate limit.
 * `acceptsBodies` (a behavior allows every method) makes the common rule set's body-size and
 * User-Agent rules count instead of block, unless the group lists its own `countRules`.
 */
export function webAclRules(options: WafOptions, acceptsBodies = false): Rule[] {
    const groups = (options.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS).map(ruleGroupOf);
    const managed: Rule[] = groups.map((group, i) => {
        const counted = group.countRules ?? (acceptsBodies && group.name === "AWSManagedRulesCommonRuleSet" ? API_UNFRIENDLY_COMMON_RULES : []);
        return {
            name: `AWS-${group.name}`,
            priority: (i + 1) * 10,
            overrideAction: { none: {} },
            statement: {
                managedRuleGroupStatement: {
                    vendorName: "AWS",
                    name: group.name,
                    ruleActionOverrides: counted.length > 0 ? counted.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
                    managedRuleGroupConfigs: group.managedRuleGroupConfigs,
                },
            },
            visibilityConfig: visibility(group.name),
        };
    });
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

/** What {@link createWebAcl} made. */
export interface WebAcl {
    webAcl: aws.wafv2.WebAcl;
    /** The created log group (none with an existing destination or logging off). */
    logGroup?: aws.cloudwatch.LogGroup;
    logging?: aws.wafv2.WebAclLoggingConfiguration;
}

/**
 * Creates a WAFv2 web ACL of scope CLOUDFRONT in us-east-1 that allows what its rules do not
 * block, and its logging to a CloudWatch log group (whose name must start with `aws-waf-logs-`).
 */
export function createWebAcl(
    componentName: string,
    options: WafOptions,
    acceptsBodies: boolean,
    tags: Tags,
    parent: pulumi.Resource,
): WebAcl {
    // WAF names take letters, digits, '-' and '_' only.
    const resourceName = awsSafeName(`${componentName}-waf`);
    const webAcl = new aws.wafv2.WebAcl(
        resourceName,
        {
            region: CLOUDFRONT_REGION,
            scope: "CLOUDFRONT",
            description: `Protects the CloudFront distribution of ${resourceName}`,
            defaultAction: { allow: {} },
            rules: webAclRules(options, acceptsBodies),
            visibilityConfig: visibility(resourceName),
            tags,
        },
        { parent },
    );
    if (options.logging === false) {
        return { webAcl };
    }
    const logOptions: WafLoggingOptions = options.logging ?? {};
    const logGroup = logOptions.destinationArn
        ? undefined
        : new aws.cloudwatch.LogGroup(
              `${resourceName}-logs`,
              {
                  region: CLOUDFRONT_REGION,
                  namePrefix: `aws-waf-logs-${resourceName}-`,
                  retentionInDays: logOptions.retentionDays ?? DEFAULT_WAF_LOG_RETENTION_DAYS,
                  tags,
              },
              { parent },
          );
    const logging = new aws.wafv2.WebAclLoggingConfiguration(
        `${resourceName}-logging`,
        {
            region: CLOUDFRONT_REGION,
            resourceArn: webAcl.arn,
            logDestinationConfigs: [logGroup?.arn ?? (logOptions.destinationArn as pulumi.Input<string>)],
            redactedFields: (logOptions.redactedHeaders ?? DEFAULT_REDACTED_HEADERS).map((name) => ({ singleHeader: { name } })),
        },
        { parent },
    );
    return { webAcl, logGroup, logging };
}
