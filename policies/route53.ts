import type { Policies, PolicyResource } from "@pulumi/policy";
import { securityHubUrl, stackPolicy } from "./define";

const RECORD = "aws:route53/record:Record";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

function cloudfrontAliases(record: PolicyResource): Record<string, any>[] {
    return ((record.props.aliases ?? []) as Record<string, any>[]).filter(
        (alias) => alias.zoneId === CLOUDFRONT_ZONE_ID || /\.cloudfront\.net\.?$/.test(String(alias.name ?? "")),
    );
}

const stripDot = (name: unknown) => String(name ?? "").replace(/\.$/, "").toLowerCase();

export const route53Policies: Policies = [
    stackPolicy({
        name: "route53-cloudfront-alias-target",
        description: "Alias records to CloudFront must use the CloudFront hosted zone and a distribution of this stack that serves the name (no dangling records)",
        severity: "high",
        controls: { checkov: ["CKV2_AWS_23"] },
        remediationSteps: "Point the alias at the distribution's domainName and hostedZoneId outputs, and list the record's name in the distribution's aliases.",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html",
        enforcementLevel: "mandatory",
        subject: RECORD,
        check: (args, report) => {
            const distributions = args.resources.filter((r) => r.type === DISTRIBUTION);
            for (const record of args.resources.filter((r) => r.type === RECORD)) {
                for (const alias of cloudfrontAliases(record)) {
                    const target = distributions.find((d) => stripDot(d.props.domainName) === stripDot(alias.name));
                    if (alias.zoneId !== CLOUDFRONT_ZONE_ID) {
                        report(`record '${record.props.name}' aliases ${alias.name} through zone ${alias.zoneId}; CloudFront aliases use ${CLOUDFRONT_ZONE_ID}`, record.urn);
                    } else if (!target) {
                        report(`record '${record.props.name}' aliases ${alias.name}, which is no distribution of this stack (a dangling record)`, record.urn);
                    } else if (!((target.props.aliases ?? []) as string[]).map(stripDot).includes(stripDot(record.props.name))) {
                        report(`record '${record.props.name}' points at distribution '${target.name}', which does not list it in its aliases`, record.urn);
                    }
                }
            }
        },
    }),
    stackPolicy({
        name: "route53-alias-aaaa-pair",
        description: "An A alias to an IPv6-enabled distribution should have its AAAA pair",
        severity: "low",
        controls: {},
        remediationSteps: "Add an AAAA alias record with the same name and target.",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html",
        enforcementLevel: "advisory",
        subject: RECORD,
        check: (args, report) => {
            const records = args.resources.filter((r) => r.type === RECORD);
            const ipv6Targets = new Set(
                args.resources.filter((r) => r.type === DISTRIBUTION && r.props.isIpv6Enabled !== false).map((d) => stripDot(d.props.domainName)),
            );
            const aaaa = new Set(records.filter((r) => r.props.type === "AAAA").map((r) => `${r.props.zoneId}/${stripDot(r.props.name)}`));
            for (const record of records.filter((r) => r.props.type === "A")) {
                const toIpv6 = cloudfrontAliases(record).some((alias) => ipv6Targets.has(stripDot(alias.name)));
                if (toIpv6 && !aaaa.has(`${record.props.zoneId}/${stripDot(record.props.name)}`)) {
                    report(`A record '${record.props.name}' has no AAAA pair; IPv6 viewers cannot reach the distribution by name`, record.urn);
                }
            }
        },
    }),
    stackPolicy({
        name: "route53-query-logging",
        description: "Public hosted zones of the stack should log DNS queries",
        severity: "low",
        controls: { securityHub: ["Route53.2"] },
        remediationSteps: "Add an aws.route53.QueryLog for the zone, writing to a CloudWatch log group in us-east-1.",
        url: securityHubUrl("Route53.2"),
        enforcementLevel: "advisory",
        subject: ZONE,
        check: (args, report) => {
            const logged = new Set(args.resources.filter((r) => r.type === QUERY_LOG).map((r) => r.props.zoneId));
            for (const zone of args.resources.filter((r) => r.type === ZONE && ((r.props.vpcs ?? []) as unknown[]).length === 0)) {
                if (!logged.has(zone.props.zoneId)) {
                    report(`public zone '${zone.props.name}' has no query logging`, zone.urn);
                }
            }
        },
    }),
];
