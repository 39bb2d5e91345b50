import { ArgumentProblems, CLOUDFRONT_REGION, isEmail, isPlain, oneOf, parseArn, show, validateAlarmTarget } from "../shared";
import type { DistributionArgs, LoggingOptions, WafOptions } from "./distributionArgs";
import {
    ALARM_EVALUATION_PERIODS,
    LOG_EXPIRATION_DAYS,
    LOG_RETENTION_DAYS,
    MIN_HSTS_MAX_AGE_SECONDS,
    RULE_GROUPS_NEEDING_CONFIG,
    WAF_RATE_LIMIT,
} from "./limits";
import { ruleGroupOf } from "./webAcl";

/** Checks the protective options: security headers, WAF, logging and monitoring. */
export function validateProtection(args: DistributionArgs, problems: ArgumentProblems): void {
    const headers = args.securityHeaders;
    problems.require(
        headers === undefined || headers === false || headers === "managed" || typeof headers === "object",
        "securityHeaders",
        `${show(headers)} is not allowed; use false, 'managed' or an object of options`,
    );
    if (headers && typeof headers === "object") {
        if (headers.hstsPreload) {
            problems.require(
                headers.hstsIncludeSubdomains === true,
                "securityHeaders.hstsPreload",
                "preload lists take only HSTS with includeSubDomains; set `hstsIncludeSubdomains: true` as well (once every subdomain serves HTTPS)",
            );
        }
        conflicts(headers.policyId, "securityHeaders.policyId", headers, ["hstsMaxAgeSeconds", "hstsIncludeSubdomains", "hstsPreload", "frameOption", "referrerPolicy", "contentSecurityPolicy"], "securityHeaders", problems);
        if (headers.hstsMaxAgeSeconds !== undefined) {
            problems.requireRange(headers.hstsMaxAgeSeconds, { min: MIN_HSTS_MAX_AGE_SECONDS, max: 2 ** 31 - 1 }, "securityHeaders.hstsMaxAgeSeconds", " seconds (at least one year)");
        }
        problems.requireOneOf<string>(headers.frameOption, ["DENY", "SAMEORIGIN"], "securityHeaders.frameOption");
    }

    if (args.waf) {
        validateWaf(args.waf, problems);
    }
    if (args.logging) {
        validateLogging(args.logging, problems);
    }

    const monitoring = args.monitoring;
    if (monitoring) {
        problems.requireRange(monitoring.error5xxRatePercent, { min: 0, max: 100 }, "monitoring.error5xxRatePercent", " percent");
        problems.requireRange(monitoring.error4xxRatePercent, { min: 0, max: 100 }, "monitoring.error4xxRatePercent", " percent");
        problems.requireRange(monitoring.evaluationPeriods, ALARM_EVALUATION_PERIODS, "monitoring.evaluationPeriods");
        validateAlarmTarget(monitoring, "monitoring.", problems);
        const emails = monitoring.alarmEmails ?? [];
        if (monitoring.createAlarmTopic && monitoring.alarmTopicArn === undefined) {
            problems.require(
                emails.length > 0,
                "monitoring.alarmEmails",
                "the created alarm topic would notify nobody; list at least one email address (or pass your own subscribed topic as `alarmTopicArn`)",
            );
        } else if (!monitoring.createAlarmTopic) {
            problems.require(emails.length === 0, "monitoring.alarmEmails", "needs `createAlarmTopic: true`: the addresses are subscribed to the created topic");
        }
        for (const [i, email] of emails.entries()) {
            problems.require(isEmail(email), `monitoring.alarmEmails[${i}]`, `${show(email)} is not an email address`);
        }
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

function validateWaf(waf: WafOptions, problems: ArgumentProblems): void {
    conflicts(waf.webAclArn, "waf.webAclArn", waf, ["rateLimit", "managedRuleGroups", "logging"], "waf", problems);
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
    for (const [i, entry] of (waf.managedRuleGroups ?? []).entries()) {
        const group = ruleGroupOf(entry);
        const path = typeof entry === "string" ? `waf.managedRuleGroups[${i}]` : `waf.managedRuleGroups[${i}].name`;
        problems.require(
            /^AWSManagedRules[A-Za-z0-9]+$/.test(group.name) && !seen.has(group.name),
            path,
            `${show(group.name)} must be an AWS managed rule group name listed once, e.g. 'AWSManagedRulesSQLiRuleSet'`,
        );
        seen.add(group.name);
        const configKey = RULE_GROUPS_NEEDING_CONFIG[group.name as keyof typeof RULE_GROUPS_NEEDING_CONFIG];
        if (configKey !== undefined) {
            problems.require(
                (group.managedRuleGroupConfigs ?? []).some((c) => (c as Record<string, unknown>)[configKey] !== undefined),
                path,
                `${show(group.name)} needs its configuration (the application's login or registration paths and fields): ` +
                    `use { name: ${show(group.name)}, managedRuleGroupConfigs: [{ ${configKey}: { … } }] }`,
            );
        }
        for (const [j, rule] of (group.countRules ?? []).entries()) {
            problems.require(/^[\w-]{1,128}$/.test(rule), `waf.managedRuleGroups[${i}].countRules[${j}]`, `${show(rule)} is not a rule name, e.g. 'SizeRestrictions_BODY'`);
        }
    }
    const logging = waf.logging;
    if (logging) {
        conflicts(logging.destinationArn, "waf.logging.destinationArn", logging, ["retentionDays"], "waf.logging", problems);
        problems.requireOneOf<number>(logging.retentionDays, LOG_RETENTION_DAYS, "waf.logging.retentionDays");
        if (isPlain(logging.destinationArn)) {
            const arn = parseArn(logging.destinationArn);
            const name = arn?.resource.replace(/^(log-group:|deliverystream\/)/, "") ?? "";
            problems.require(
                !!arn && ["logs", "firehose", "s3"].includes(arn.service) && name.startsWith("aws-waf-logs-") && (arn.service === "s3" || arn.region === CLOUDFRONT_REGION),
                "waf.logging.destinationArn",
                `${show(logging.destinationArn)} is not a WAF log destination; use a log group or Firehose stream in ${CLOUDFRONT_REGION} or an S3 bucket, named 'aws-waf-logs-…'`,
            );
        }
    }
}

function validateLogging(logging: LoggingOptions, problems: ArgumentProblems): void {
    conflicts(logging.bucket, "logging.bucket", logging, ["expirationDays"], "logging", problems);
    conflicts(logging.delivery, "logging.delivery", logging, ["bucket", "prefix", "includeCookies", "expirationDays"], "logging", problems);
    problems.requireRange(logging.expirationDays, LOG_EXPIRATION_DAYS, "logging.expirationDays", " days");
    if (logging.prefix !== undefined) {
        problems.require(!logging.prefix.startsWith("/"), "logging.prefix", `${show(logging.prefix)} must not start with '/'`);
    }
    const delivery = logging.delivery;
    if (!delivery) {
        return;
    }
    problems.requireOneOf<string>(delivery.outputFormat, ["json", "w3c", "plain", "parquet"], "logging.delivery.outputFormat");
    if (isPlain(delivery.destinationArn)) {
        const arn = parseArn(delivery.destinationArn);
        const service = arn?.service ?? "";
        problems.require(
            service === "s3" || ((service === "logs" || service === "firehose") && arn?.region === CLOUDFRONT_REGION),
            "logging.delivery.destinationArn",
            `${show(delivery.destinationArn)} is not a log destination; use an S3 bucket ARN, or a CloudWatch Logs log group or Firehose stream ARN in ${CLOUDFRONT_REGION}`,
        );
        problems.require(
            delivery.outputFormat !== "parquet" || service === "s3",
            "logging.delivery.outputFormat",
            `'parquet' is only delivered to S3; use ${oneOf(["json", "w3c", "plain"])} for ${service === "logs" ? "CloudWatch Logs" : "Firehose"}`,
        );
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
