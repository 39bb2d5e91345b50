import type { Policies } from "@pulumi/policy/policy";
import { resourcePolicy, securityHubUrl, stackPolicy } from "./define";
import { dependsOn, peek } from "./relations";

const WEB_ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

/** Names of the managed rule groups a web ACL runs, nested statements included. */
function managedGroups(value: unknown): string[] {
    if (Array.isArray(value)) {
        return value.flatMap(managedGroups);
    }
    if (value && typeof value === "object") {
        const node = value as Record<string, any>;
        const own = node.managedRuleGroupStatement?.name ? [String(node.managedRuleGroupStatement.name)] : [];
        return [...own, ...Object.entries(node).filter(([k]) => k !== "managedRuleGroupStatement").flatMap(([, v]) => managedGroups(v))];
    }
    return [];
}

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const CLOUDFRONT_REGION = "us-east-1";

/** The region and scope part of a WAFv2 web ACL ARN: `arn:aws:wafv2:us-east-1:123456789012:global/webacl/n/id`. */
function webAclArn(arn: unknown): { region: string; scope: string } | undefined {
    const match = /^arn:[^:]+:wafv2:([^:]*):\d{12}:(global|regional)\/webacl\//.exec(String(arn ?? ""));
    return match ? { region: match[1], scope: match[2] } : undefined;
}

export const wafPolicies: Policies = [
    resourcePolicy({
        name: "waf-known-bad-inputs",
        description: "A web ACL of scope CLOUDFRONT (used by distributions) must run the AWS known-bad-inputs rule group, which blocks Log4j (CVE-2021-44228) probes",
        severity: "high",
        controls: {},
        remediationSteps: "Add a rule with managedRuleGroupStatement { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } and overrideAction none.",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html",
        enforcementLevel: "mandatory",
        types: [WEB_ACL],
        check: (props, report) => {
            if (props.scope === "CLOUDFRONT" && !managedGroups(props.rules ?? []).includes("AWSManagedRulesKnownBadInputsRuleSet")) {
                report("the web ACL does not run AWSManagedRulesKnownBadInputsRuleSet");
            }
        },
    }),
    stackPolicy({
        name: "waf-logging",
        description: "Every web ACL of the stack should have a logging configuration",
        severity: "medium",
        controls: { securityHub: ["WAF.11"] },
        remediationSteps: "Add an aws.wafv2.WebAclLoggingConfiguration for the web ACL (destination: a CloudWatch log group named aws-waf-logs-*, a Firehose stream or an S3 bucket).",
        url: securityHubUrl("WAF.11"),
        enforcementLevel: "advisory",
        subject: WEB_ACL,
        check: (args, report) => {
            const logging = args.resources.filter((r) => r.type === LOGGING);
            for (const acl of args.resources.filter((r) => r.type === WEB_ACL)) {
                const arn = peek(() => acl.props.arn);
                if (!logging.some((l) => dependsOn(l, acl, "resourceArn") || (arn !== undefined && peek(() => l.props.resourceArn) === arn))) {
                    report(`web ACL '${acl.name}' has no logging configuration`, acl.urn);
                }
            }
        },
    }),
    resourcePolicy({
        name: "waf-cloudfront-scope-region",
        description: "A web ACL of scope CLOUDFRONT must be created in us-east-1, the only region where CloudFront web ACLs exist (stricter: no public control)",
        severity: "high",
        controls: {},
        remediationSteps: "Create the web ACL with region 'us-east-1' (the per-resource region of @pulumi/aws 7), or use scope REGIONAL for regional resources.",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/how-aws-waf-works-resources.html",
        enforcementLevel: "mandatory",
        types: [WEB_ACL],
        check: (props, report) => {
            const region = props.region ?? webAclArn(props.arn)?.region;
            if (props.scope === "CLOUDFRONT" && region !== undefined && region !== CLOUDFRONT_REGION) {
                report(`the web ACL has scope CLOUDFRONT in ${region}; CloudFront web ACLs exist only in ${CLOUDFRONT_REGION}`);
            }
        },
    }),
    resourcePolicy({
        name: "waf-distribution-global-acl",
        description: "A distribution's webAclId must name a WAFv2 web ACL of scope CLOUDFRONT (a global/webacl ARN in us-east-1), not a regional one (stricter: no public control)",
        severity: "high",
        controls: {},
        remediationSteps: "Attach the ARN of a web ACL created with scope CLOUDFRONT in us-east-1.",
        url: "https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html",
        enforcementLevel: "mandatory",
        types: [DISTRIBUTION],
        check: (props, report) => {
            const acl = webAclArn(props.webAclId);
            if (acl && (acl.scope !== "global" || acl.region !== CLOUDFRONT_REGION)) {
                report(`webAclId ${props.webAclId} is a ${acl.scope} web ACL in ${acl.region}; CloudFront takes only scope CLOUDFRONT web ACLs (global, us-east-1)`);
            }
        },
    }),
];
