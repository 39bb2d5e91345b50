import { ArgumentProblems, CLOUDFRONT_REGION, isPlain, parseArn, show, validateAlarmTarget } from "../shared";
import type { DistributionArgs } from "./distributionArgs";
import { ALARM_EVALUATION_PERIODS, LOG_EXPIRATION_DAYS, MIN_HSTS_MAX_AGE_SECONDS, WAF_RATE_LIMIT } from "./limits";

/** Checks the protective options: security headers, WAF, logging and monitoring. */
export function validateProtection(args: DistributionArgs, problems: ArgumentProblems): void {
    const headers = args.securityHeaders;
    if (headers) {
        conflicts(headers.policyId, "securityHeaders.policyId", headers, ["hstsMaxAgeSeconds", "hstsPreload", "frameOption", "referrerPolicy", "contentSecurityPolicy"], "securityHeaders", problems);
        if (headers.hstsMaxAgeSeconds !== undefined) {
            problems.requireRange(headers.hstsMaxAgeSeconds, { min: MIN_HSTS_MAX_AGE_SECONDS, max: 2 ** 31 - 1 }, "securityHeaders.hstsMaxAgeSeconds", " seconds (at least one year)");
        }
        problems.requireOneOf<string>(headers.frameOption, ["DENY", "SAMEORIGIN"], "securityHeaders.frameOption");
    }

    const waf = args.waf;
    if (waf) {
        conflicts(waf.webAclArn, "waf.webAclArn", waf, ["rateLimit", "managedRuleGroups"], "waf", problems);
        if (isPlain(waf.webAclArn)) {
            const arn = parseArn(waf.webAclArn);
            problems.require(
                arn?.service === "wafv2" && arn.region === CLOUDFRONT_REGION && arn.resource.startsWith("global/webacl/"),
                "waf.webAclArn",
                `${show(waf.webAclArn)} is not a WAFv2 web ACL of scope CLOUDFRONT; use arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>`,
            );
        }
        problems.requireRange(waf.rateLimit, WAF_RATE_LIMIT, "waf.rateLimit", " requests per 5 minutes");
        const seen = new Set<string>();
        for (const [i, group] of (waf.managedRuleGroups ?? []).entries()) {
            problems.require(
                /^AWSManagedRules[A-Za-z0-9]+$/.test(group) && !seen.has(group),
                `waf.managedRuleGroups[${i}]`,
                `${show(group)} must be an AWS managed rule group name listed once, e.g. 'AWSManagedRulesSQLiRuleSet'`,
            );
            seen.add(group);
        }
    }

    const logging = args.logging;
    if (logging) {
        conflicts(logging.bucket, "logging.bucket", logging, ["expirationDays"], "logging", problems);
        problems.requireRange(logging.expirationDays, LOG_EXPIRATION_DAYS, "logging.expirationDays", " days");
        if (logging.prefix !== undefined) {
            problems.require(!logging.prefix.startsWith("/"), "logging.prefix", `${show(logging.prefix)} must not start with '/'`);
        }
    }

    const monitoring = args.monitoring;
    if (monitoring) {
        problems.requireRange(monitoring.error5xxRatePercent, { min: 0, max: 100 }, "monitoring.error5xxRatePercent", " percent");
        problems.requireRange(monitoring.error4xxRatePercent, { min: 0, max: 100 }, "monitoring.error4xxRatePercent", " percent");
        problems.requireRange(monitoring.evaluationPeriods, ALARM_EVALUATION_PERIODS, "monitoring.evaluationPeriods");
        validateAlarmTarget(monitoring, "monitoring.", problems);
        if (isPlain(monitoring.alarmTopicArn)) {
            const arn = parseArn(monitoring.alarmTopicArn);
            problems.require(
                arn?.service === "sns" && arn.region === CLOUDFRONT_REGION,
                "monitoring.alarmTopicArn",
                `${show(monitoring.alarmTopicArn)} must be an SNS topic in ${CLOUDFRONT_REGION}, where CloudFront alarms live`,
            );
        }
    }
}

/** Records a conflict when `owner` is set together with any of the listed sibling options. */
function conflicts<T extends object>(
    owner: unknown,
    ownerPath: string,
    options: T,
    siblings: (keyof T & string)[],
    prefix: string,
    problems: ArgumentProblems,
): void {
    if (owner === undefined) {
        return;
    }
    for (const sibling of siblings) {
        problems.require(
            options[sibling] === undefined,
            `${prefix}.${sibling}`,
            `conflicts with \`${ownerPath}\`: an existing resource is used as it is, so its options cannot be set here`,
        );
    }
}
