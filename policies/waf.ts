import type { Policies } from "@pulumi/policy";
import { resourcePolicy, securityHubUrl, stackPolicy } from "./define";

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

export const wafPolicies: Policies = [
    resourcePolicy({
        name: "waf-known-bad-inputs",
        description: "A web ACL of scope CLOUDFRONT (used by distributions) must run the AWS known-bad-inputs rule group, which blocks Log4j (CVE-2021-44228) probes",
        severity: "high",
        controls: { checkov: ["CKV2_AWS_47"] },
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
        check: (_args, report, resources) => {
            const logged = new Set(resources.of(LOGGING).map((r) => r.props.resourceArn));
            for (const acl of resources.of(WEB_ACL)) {
                if (!logged.has(acl.props.arn)) {
                    report(`web ACL '${acl.name}' has no logging configuration`, acl.urn);
                }
            }
        },
    }),
];
