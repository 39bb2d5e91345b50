import type { Policies, PolicyResource } from "@pulumi/policy/policy";
import { securityHubUrl, stackPolicy } from "./define";
import { dependsOn, peek, stripDot } from "./relations";

const RECORD = "aws:route53/record:Record";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const ZONE = "aws:route53/zone:Zone";
const QUERY_LOG = "aws:route53/queryLog:QueryLog";
const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

/** An alias of a record, with its target's name and zone when known during the preview. */
interface Alias {
    name?: string;
    zoneId?: string;
    /** The distribution of the stack it points at, found by name or by the record's dependency on it. */
    target?: PolicyResource;
}

/** The record's aliases that point at CloudFront: by the CloudFront zone, a cloudfront.net name, or a distribution it takes its alias from. */
function cloudfrontAliases(record: PolicyResource, distributions: PolicyResource[]): Alias[] {
    const aliases = (peek(() => record.props.aliases) ?? []) as Record<string, any>[];
    const linked = distributions.filter((d) => dependsOn(record, d, "aliases"));
    return aliases.flatMap((alias) => {
        const name = peek(() => alias.name);
        const zoneId = peek(() => alias.zoneId);
        const byName = name === undefined ? undefined : distributions.find((d) => stripDot(peek(() => d.props.domainName)) === stripDot(name));
        // A record that takes its alias from one distribution whose domain is not known yet points at it.
        const pending = linked.length === 1 && (name === undefined || peek(() => linked[0].props.domainName) === undefined);
        const target = byName ?? (pending ? linked[0] : undefined);
        const toCloudfront = zoneId === CLOUDFRONT_ZONE_ID || /\.cloudfront\.net\.?$/.test(String(name ?? "")) || target !== undefined;
        return toCloudfront ? [{ name, zoneId, target }] : [];
    });
}

/** The name of the record's hosted zone, when a zone of the stack is known to be it. */
function zoneNameOf(record: PolicyResource, zones: PolicyResource[]): string | undefined {
    const zoneId = peek(() => record.props.zoneId);
    const zone = zones.find((z) => (zoneId !== undefined && peek(() => z.props.zoneId) === zoneId) || dependsOn(record, z, "zoneId"));
    const name = zone && peek(() => zone.props.name);
    return typeof name === "string" ? stripDot(name) : undefined;
}

/**
 * The names a record may stand for. Route 53 (and the provider) read a name relative to its zone:
 * "" is the apex, "www" is www.<zone>, and a name ending in the zone (with or without the final
 * dot) is already complete. When the zone's name is not known, a relative name stands for any
 * name it starts, so that nothing is reported from a guess.
 */
function recordNames(record: PolicyResource, zones: PolicyResource[]): (candidate: string) => boolean {
    const known = peek(() => record.props.name);
    if (known === undefined) {
        return () => true;
    }
    const name = stripDot(known);
    const zone = zoneNameOf(record, zones);
    if (zone !== undefined) {
        return (candidate) => stripDot(candidate) === fullName(name, zone);
    }
    return (candidate) => name === "" || stripDot(candidate) === name || stripDot(candidate).startsWith(`${name}.`);
}

/** A record's name completed with its zone's, as Route 53 reads it. */
function fullName(name: string, zone: string): string {
    return name === "" ? zone : name === zone || name.endsWith(`.${zone}`) ? name : `${name}.${zone}`;
}

/** A key for "same name in the same zone", complete when the zone's name is known. */
function recordKey(record: PolicyResource, zones: PolicyResource[]): string {
    const name = stripDot(peek(() => record.props.name) ?? record.urn);
    const zone = zoneNameOf(record, zones);
    return `${String(peek(() => record.props.zoneId) ?? "?")}/${zone === undefined ? name : fullName(name, zone)}`;
}

export const route53Policies: Policies = [
    stackPolicy({
        name: "route53-cloudfront-alias-target",
        description: "Alias records to CloudFront must use the CloudFront hosted zone and a distribution of this stack that serves the name (no dangling records; stricter than CKV2_AWS_23, which asks only that an A record be attached to a resource)",
        severity: "high",
        controls: {},
        remediationSteps: "Point the alias at the distribution's domainName and hostedZoneId outputs, and list the record's name in the distribution's aliases.",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html",
        enforcementLevel: "mandatory",
        subject: RECORD,
        check: (args, report) => {
            const distributions = args.resources.filter((r) => r.type === DISTRIBUTION);
            const zones = args.resources.filter((r) => r.type === ZONE);
            for (const record of args.resources.filter((r) => r.type === RECORD)) {
                const aliases = cloudfrontAliases(record, distributions);
                const names = aliases.length > 0 ? recordNames(record, zones) : () => true;
                const label = peek(() => record.props.name) ?? record.name;
                for (const alias of aliases) {
                    const unknownTarget = distributions.some((d) => peek(() => d.props.domainName) === undefined);
                    if (alias.zoneId !== undefined && alias.zoneId !== CLOUDFRONT_ZONE_ID) {
                        report(`record '${label}' aliases ${alias.name ?? "a distribution"} through zone ${alias.zoneId}; CloudFront aliases use ${CLOUDFRONT_ZONE_ID}`, record.urn);
                    } else if (!alias.target && alias.name !== undefined && !unknownTarget) {
                        report(`record '${label}' aliases ${alias.name}, which is no distribution of this stack (a dangling record)`, record.urn);
                    } else if (alias.target && !((alias.target.props.aliases ?? []) as string[]).some(names)) {
                        report(`record '${label}' points at distribution '${alias.target.name}', which does not list it in its aliases`, record.urn);
                    }
                }
            }
        },
    }),
    stackPolicy({
        name: "route53-alias-aaaa-pair",
        description: "An A alias to an IPv6-enabled distribution should have its AAAA pair (isIpv6Enabled unset is false, the provider's default)",
        severity: "low",
        controls: {},
        remediationSteps: "Add an AAAA alias record with the same name and target.",
        url: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html",
        enforcementLevel: "advisory",
        subject: RECORD,
        check: (args, report) => {
            const records = args.resources.filter((r) => r.type === RECORD);
            const zones = args.resources.filter((r) => r.type === ZONE);
            const distributions = args.resources.filter((r) => r.type === DISTRIBUTION);
            // Validation records take their name and type from the certificate: unknown in a preview.
            const ofType = (type: string) => records.filter((r) => peek(() => r.props.type) === type);
            const aaaa = new Set(ofType("AAAA").map((r) => recordKey(r, zones)));
            for (const record of ofType("A")) {
                const toIpv6 = cloudfrontAliases(record, distributions).some((alias) => alias.target?.props.isIpv6Enabled === true);
                if (toIpv6 && !aaaa.has(recordKey(record, zones))) {
                    report(`A record '${peek(() => record.props.name) ?? record.name}' has no AAAA pair; IPv6 viewers cannot reach the distribution by name`, record.urn);
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
            const logs = args.resources.filter((r) => r.type === QUERY_LOG);
            for (const zone of args.resources.filter((r) => r.type === ZONE && ((r.props.vpcs ?? []) as unknown[]).length === 0)) {
                const zoneId = peek(() => zone.props.zoneId);
                if (!logs.some((log) => dependsOn(log, zone, "zoneId") || (zoneId !== undefined && peek(() => log.props.zoneId) === zoneId))) {
                    report(`public zone '${zone.props.name}' has no query logging`, zone.urn);
                }
            }
        },
    }),
];
