import {
    AWS_POLICY_NAME,
    CACHE_POLICIES_PER_ACCOUNT,
    DEFAULT_CERTIFICATE_NAMES_QUOTA,
    MAX_COMMON_NAME_LENGTH,
    MAX_POLICY_COMMENT,
    ORIGIN_SHIELD_REGIONS,
    RESPONSE_HEADERS_POLICIES_PER_ACCOUNT,
    RULE_GROUPS_NEEDING_CONFIG,
} from "../../components/cloudfront/limits";
import { stableHex } from "../cloud";
import type { AwsRule, RuleContext } from "./rule";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const CACHE_POLICY = "aws:cloudfront/cachePolicy:CachePolicy";
const HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const ORIGIN_REQUEST_POLICY = "aws:cloudfront/originRequestPolicy:OriginRequestPolicy";
const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const WAF_LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
const CERTIFICATE = "aws:acm/certificate:Certificate";
const LOG_DELIVERY_SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
const LOG_DELIVERY_DESTINATION = "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination";

/** The name AWS receives: the given one, or the provider's auto-name (`<logical name>-<7 chars>`). */
function requestedName(ctx: RuleContext): string {
    if (typeof ctx.inputs.name === "string") {
        return ctx.inputs.name;
    }
    if (typeof ctx.inputs.namePrefix === "string") {
        return `${ctx.inputs.namePrefix}${stableHex(26, ctx.type, ctx.name)}`;
    }
    return `${ctx.name}-${stableHex(7, ctx.type, ctx.name)}`;
}

/** Every cache behavior of a distribution's inputs, labelled as CloudFront's errors name them. */
function behaviors(inputs: Record<string, any>): { label: string; behavior: Record<string, any> }[] {
    return [
        ...(inputs.defaultCacheBehavior ? [{ label: "DefaultCacheBehavior", behavior: inputs.defaultCacheBehavior }] : []),
        ...((inputs.orderedCacheBehaviors ?? []) as Record<string, any>[]).map((behavior) => ({ label: `CacheBehavior ${behavior.pathPattern}`, behavior })),
    ];
}

/** A per-account quota counted within the plan: the resources of `type` accepted so far, plus this one. */
function quota(type: string, limit: number, code: string, what: string): AwsRule {
    return {
        types: [type],
        description: `At most ${limit} ${what} per account, not adjustable (CloudFront quotas; error ${code})`,
        check(ctx) {
            const count = ctx.accepted.filter((r) => r.type === type).length + 1;
            if (count > limit) {
                ctx.refuse(code, `You have reached the maximum number of ${what} for this AWS account (${limit}); this plan creates ${count}`);
            }
        },
    };
}

/** CloudFront, ACM, WAF and Route53 rules of AWS's. */
export const cloudfrontRules: AwsRule[] = [
    {
        types: [WEB_ACL],
        description: "Web ACL names match ^[\\w\\-]+$, 1–128 characters (wafv2 EntityName)",
        check(ctx) {
            const name = requestedName(ctx);
            if (!/^[\w-]{1,128}$/.test(name)) {
                ctx.refuse("WAFInvalidParameterException", `Error reason: The parameter contains formatting that is not valid., field: NAME, parameter: ${name}`);
            }
        },
    },
    {
        types: [CACHE_POLICY, HEADERS_POLICY, ORIGIN_REQUEST_POLICY],
        description: "CloudFront policy names take letters, digits, '-' and '_', at most 128; cache policy comments at most 128 characters",
        check(ctx) {
            const name = requestedName(ctx);
            if (!AWS_POLICY_NAME.test(name)) {
                ctx.refuse("InvalidArgument", `The policy name '${name}' is not valid: use at most 128 letters, digits, '-' or '_'`);
            }
            const comment = ctx.inputs.comment;
            if (ctx.type === CACHE_POLICY && typeof comment === "string" && comment.length > MAX_POLICY_COMMENT) {
                ctx.refuse("InvalidArgument", `The comment has ${comment.length} characters; the maximum is ${MAX_POLICY_COMMENT}`);
            }
        },
    },
    {
        types: [CACHE_POLICY],
        description: "A cache key allow list (whitelist) names at least one query string, cookie or header",
        check(ctx) {
            const params = ctx.inputs.parametersInCacheKeyAndForwardedToOrigin ?? {};
            const lists: [string, Record<string, any> | undefined, string, string][] = [
                ["QueryStringsConfig", params.queryStringsConfig, "queryStringBehavior", "queryStrings"],
                ["CookiesConfig", params.cookiesConfig, "cookieBehavior", "cookies"],
                ["HeadersConfig", params.headersConfig, "headerBehavior", "headers"],
            ];
            for (const [label, config, behavior, items] of lists) {
                if (config && ["whitelist", "allExcept"].includes(config[behavior]) && (config[items]?.items ?? []).length === 0) {
                    ctx.refuse("InvalidArgument", `${label}: behavior '${config[behavior]}' needs at least one name`);
                }
            }
        },
    },
    quota(CACHE_POLICY, CACHE_POLICIES_PER_ACCOUNT, "TooManyCachePolicies", "cache policies"),
    quota(HEADERS_POLICY, RESPONSE_HEADERS_POLICIES_PER_ACCOUNT, "TooManyResponseHeadersPolicies", "response headers policies"),
    {
        types: [DISTRIBUTION],
        description: "A viewer event runs a CloudFront Function or a Lambda@Edge function, not both (CloudFront developer guide, edge functions)",
        check(ctx) {
            for (const { label, behavior } of behaviors(ctx.inputs)) {
                const functions = new Set(((behavior.functionAssociations ?? []) as { eventType: string }[]).map((f) => f.eventType));
                for (const lambda of (behavior.lambdaFunctionAssociations ?? []) as { eventType: string }[]) {
                    if (functions.has(lambda.eventType)) {
                        ctx.refuse("InvalidArgument", `${label}: event type ${lambda.eventType} has both a CloudFront function and a Lambda@Edge function; associate only one`);
                    }
                }
            }
        },
    },
    {
        types: [DISTRIBUTION],
        description: "Origin Shield runs only in its 12 regions (CloudFront developer guide, Origin Shield regions)",
        check(ctx) {
            for (const origin of (ctx.inputs.origins ?? []) as Record<string, any>[]) {
                const region = origin.originShield?.enabled ? origin.originShield.originShieldRegion : undefined;
                if (region !== undefined && !(ORIGIN_SHIELD_REGIONS as readonly string[]).includes(region)) {
                    ctx.refuse("InvalidArgument", `Origin ${origin.originId}: '${region}' is not an Origin Shield region`);
                }
            }
        },
    },
    {
        types: [WEB_ACL],
        description: "The ATP and ACFP managed rule groups need their managedRuleGroupConfigs (WAF developer guide)",
        check(ctx) {
            for (const rule of (ctx.inputs.rules ?? []) as Record<string, any>[]) {
                const group = rule.statement?.managedRuleGroupStatement;
                const key = RULE_GROUPS_NEEDING_CONFIG[group?.name as keyof typeof RULE_GROUPS_NEEDING_CONFIG];
                if (key && !((group.managedRuleGroupConfigs ?? []) as Record<string, unknown>[]).some((c) => c[key] !== undefined)) {
                    ctx.refuse("WAFInvalidParameterException", `Error reason: A required field is missing from the parameter., field: MANAGED_RULE_GROUP_CONFIG, parameter: ${group.name}`);
                }
            }
        },
    },
    {
        types: [WAF_LOGGING],
        description: "WAF log destinations are named aws-waf-logs-… (WAF developer guide, logging destinations)",
        check(ctx) {
            for (const arn of (ctx.inputs.logDestinationConfigs ?? []) as (string | undefined)[]) {
                const name = arn?.split(/:log-group:|:deliverystream\/|:::/)[1];
                if (name !== undefined && !name.startsWith("aws-waf-logs-")) {
                    ctx.refuse("WAFInvalidParameterException", `Error reason: The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes., field: LOG_DESTINATION, parameter: ${arn}`);
                }
            }
        },
    },
    {
        types: [CERTIFICATE],
        description: `ACM: at most ${DEFAULT_CERTIFICATE_NAMES_QUOTA} names per certificate (default quota), a common name of at most ${MAX_COMMON_NAME_LENGTH} characters`,
        check(ctx) {
            const domainName = ctx.inputs.domainName;
            const names = [domainName, ...((ctx.inputs.subjectAlternativeNames ?? []) as string[])].filter((n) => n !== undefined);
            if (names.length > DEFAULT_CERTIFICATE_NAMES_QUOTA) {
                ctx.refuse("LimitExceededException", `Cannot request a certificate with more than ${DEFAULT_CERTIFICATE_NAMES_QUOTA} domain names; ${names.length} were requested`);
            }
            if (typeof domainName === "string" && domainName.length > MAX_COMMON_NAME_LENGTH) {
                ctx.refuse("ValidationException", `1 validation error detected: Value at 'domainName' failed to satisfy constraint: Member must have length less than or equal to ${MAX_COMMON_NAME_LENGTH}`);
            }
        },
    },
    {
        types: [LOG_DELIVERY_SOURCE, LOG_DELIVERY_DESTINATION],
        description: "Delivery source and destination names are 1–60 of [\\w-] (logs DeliverySourceName, DeliveryDestinationName)",
        check(ctx) {
            const name = requestedName(ctx);
            if (!/^[\w-]{1,60}$/.test(name)) {
                ctx.refuse("ValidationException", `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 60 and match pattern [\\w-]*`);
            }
        },
    },
    {
        types: [LOG_DELIVERY_SOURCE],
        description: "A CloudFront delivery source is in us-east-1 with log type ACCESS_LOGS (CloudWatch Logs vended logs)",
        check(ctx) {
            if (!String(ctx.inputs.resourceArn ?? "").startsWith("arn:aws:cloudfront::")) {
                return;
            }
            if (ctx.region !== "us-east-1" || ctx.inputs.logType !== "ACCESS_LOGS") {
                ctx.refuse("ValidationException", `CloudFront delivers ACCESS_LOGS through a delivery source in us-east-1; got log type ${ctx.inputs.logType} in ${ctx.region}`);
            }
        },
    },
];
