import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, Tags, zoneNameOf } from "../shared";
import { createAliasRecords } from "./aliasRecords";
import { buildBehaviors } from "./behaviors";
import { Certificate, DnsRecord } from "./certificate";
import type { DistributionArgs, HostedZoneArgs, OriginArgs } from "./distributionArgs";
import { invalidationCommand } from "./invalidation";
import { createLogDelivery, LogDelivery } from "./logDelivery";
import { MANAGED_RESPONSE_HEADERS_POLICIES } from "./managedPolicies";
import { createLogBucket, DEFAULT_LOG_EXPIRATION_DAYS, LogBucket } from "./logBucket";
import { createMediaStreaming, MediaStreaming } from "./mediaStreaming";
import { createMonitoring, Monitoring } from "./monitoring";
import { createOriginAccessControl, createOriginBucketPolicy } from "./originAccess";
import { s3OriginKeys } from "./origins";
import { distributionInputs, siteUrl } from "./distributionInputs";
import { sharedResponseHeadersPolicy } from "./securityHeaders";
import { validateBehaviors } from "./validateBehaviors";
import { validateOrigins } from "./validateOrigins";
import { validateProtection } from "./validateProtection";
import { validateViewer } from "./validateViewer";
import { createWebAcl, WebAcl } from "./webAcl";
import { MAX_COMMON_NAME_LENGTH } from "./limits";
import { checkArguments } from "../arguments";

export const DISTRIBUTION_TYPE = "aws-euc:cloudfront:Distribution";

/** Checks every argument and throws one error that lists all problems. */
export function validateDistributionArgs(name: string, args: DistributionArgs): void {
    const problems = new ArgumentProblems(DISTRIBUTION_TYPE, name);
    validateOrigins(args, problems);
    validateBehaviors(args, problems);
    validateViewer(args, problems);
    validateProtection(args, problems);
    problems.throwIfAny();
}

/**
 * A CloudFront web distribution that is secure with minimal arguments: private S3 origins behind
 * an Origin Access Control, HTTPS-only viewers with TLS 1.2+, security headers, a WAF web ACL,
 * standard logs to a retained bucket, and, for your own domain names, a DNS-validated ACM
 * certificate in us-east-1 with Route53 A/AAAA alias records.
 */
export class Distribution extends pulumi.ComponentResource {
    /** Distribution id, e.g. `E2QWRUHAPOMQZL`. */
    public readonly id: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    /** The `*.cloudfront.net` name. */
    public readonly domainName: pulumi.Output<string>;
    /** `https://` plus the first alias, or the CloudFront domain name when there is none. */
    public readonly url: pulumi.Output<string>;
    /** Route53 zone id for alias records (always `Z2FDTNDATAQYW2`). */
    public readonly hostedZoneId: pulumi.Output<string>;
    public readonly certificateArn: pulumi.Output<string | undefined>;
    public readonly webAclArn: pulumi.Output<string | undefined>;
    public readonly logBucketName: pulumi.Output<string | undefined>;
    /**
     * With `externalDns`: the records to create at your DNS provider, the certificate's validation
     * CNAMEs first, then one CNAME per alias to the distribution (at a zone apex, use your
     * provider's ALIAS/ANAME record). Empty otherwise (Route53 records are created).
     */
    public readonly dnsRecords: pulumi.Output<DnsRecord[]>;
    /** `aws cloudfront create-invalidation … --paths '/*'`: run it after the content changed. */
    public readonly invalidationCommand: pulumi.Output<string>;

    /** The child resources, for escape hatches. */
    public readonly distribution: aws.cloudfront.Distribution;
    public readonly certificate?: Certificate;
    public readonly webAcl?: aws.wafv2.WebAcl;
    /** The web ACL's logging: configuration and created log group. */
    public readonly wafLogging?: Omit<WebAcl, "webAcl">;
    public readonly logBucket?: LogBucket;
    /** Standard logging v2, with `logging.delivery`. */
    public readonly logDelivery?: LogDelivery;
    public readonly securityHeadersPolicy?: aws.cloudfront.ResponseHeadersPolicy;
    public readonly originAccessControl?: aws.cloudfront.OriginAccessControl;
    public readonly bucketPolicies: Record<string, aws.s3.BucketPolicy>;
    public readonly cachePolicies: Record<string, aws.cloudfront.CachePolicy>;
    public readonly mediaStreaming?: MediaStreaming;
    public readonly aliasRecords: aws.route53.Record[];
    public readonly monitoring?: Monitoring;

    constructor(name: string, args: DistributionArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DISTRIBUTION_TYPE, name, {}, opts);
        checkArguments(DISTRIBUTION_TYPE, name, args);
        validateDistributionArgs(name, args);
        const tags = componentTags(DISTRIBUTION_TYPE, args.tags);
        const aliases = args.aliases ?? [];
        const s3Keys = s3OriginKeys(args.origins);

        // 1. What protects it: WAF, access logs, security headers.
        const acceptsBodies = [args.defaultBehavior, ...(args.behaviors ?? [])].some((b) => b?.allowedMethods === "ALL");
        const waf = args.waf === false || args.waf?.webAclArn ? undefined : createWebAcl(name, args.waf ?? {}, acceptsBodies, tags, this);
        this.webAcl = waf?.webAcl;
        this.wafLogging = waf ? { logGroup: waf.logGroup, logging: waf.logging } : undefined;
        const legacyLogs = args.logging !== false && !args.logging?.bucket && !args.logging?.delivery;
        this.logBucket = legacyLogs ? createLogBucket(name, (args.logging || {}).expirationDays ?? DEFAULT_LOG_EXPIRATION_DAYS, tags, this) : undefined;
        const headerArgs = args.securityHeaders;
        const headers = headerArgs === false || headerArgs === "managed" ? undefined : (headerArgs ?? {});
        this.securityHeadersPolicy = headers && headers.policyId === undefined ? sharedResponseHeadersPolicy("security-headers", headers, this) : undefined;
        const securityHeadersPolicyId =
            headerArgs === "managed" ? MANAGED_RESPONSE_HEADERS_POLICIES.SecurityHeadersPolicy : (this.securityHeadersPolicy?.id ?? headers?.policyId);

        // 2. Its domain: the hosted zone and the certificate.
        const zoneId = args.hostedZone ? resolveZoneId(args.hostedZone, this) : undefined;
        this.certificate = this.createCertificate(name, args, zoneId, tags);

        // 3. Where requests go: origin access, media preset, behaviors.
        this.originAccessControl = s3Keys.length > 0 ? createOriginAccessControl(name, this) : undefined;
        this.mediaStreaming = args.mediaStreaming
            ? createMediaStreaming(args.mediaStreaming, headers ?? {}, s3Keys.includes(args.mediaStreaming.origin) ? "CORS-S3Origin" : "CORS-CustomOrigin", this)
            : undefined;
        const behaviors = buildBehaviors(
            { name, parent: this, defaultTarget: onlyTarget(args), securityHeadersPolicyId },
            args.defaultBehavior ?? {},
            [...(args.behaviors ?? []), ...(this.mediaStreaming?.behaviors ?? [])],
        );
        this.cachePolicies = behaviors.cachePolicies;

        // 4. The distribution itself.
        const certificateArn = this.certificate?.arn ?? args.certificateArn;
        const webAclArn = this.webAcl?.arn ?? (args.waf ? args.waf.webAclArn : undefined);
        const logBucket = this.logBucket?.bucket ?? (args.logging ? args.logging.bucket : undefined);
        this.distribution = new aws.cloudfront.Distribution(
            childName(name, "distribution"),
            distributionInputs(name, args, {
                behaviors,
                originAccessControlId: this.originAccessControl?.id,
                certificateArn,
                webAclArn,
                logBucketDomainName: logBucket?.bucketDomainName,
                defaultTargetIsS3: isS3Target(args.defaultBehavior?.origin ?? onlyTarget(args), args),
                tags,
            }),
            // Standard logging is refused until the log-delivery ACL exists.
            { parent: this, dependsOn: this.logBucket ? [this.logBucket.acl] : [] },
        );

        // 5. What depends on it: bucket access, DNS, monitoring.
        this.bucketPolicies = {};
        for (const [key, origin] of Object.entries(args.origins)) {
            if ("s3" in origin && origin.s3.createBucketPolicy !== false) {
                this.bucketPolicies[key] = createOriginBucketPolicy(name, key, origin.s3.bucket, this.distribution.arn, this);
            }
        }
        this.aliasRecords = zoneId ? createAliasRecords(name, aliases, zoneId, this.distribution, args.ipv6 ?? true, this) : [];
        this.monitoring = args.monitoring ? createMonitoring(name, args.monitoring, this.distribution.id, this.webAcl?.visibilityConfig.metricName, tags, this) : undefined;
        this.logDelivery = args.logging && args.logging.delivery ? createLogDelivery(name, args.logging.delivery, this.distribution.arn, tags, this) : undefined;

        // 6. Outputs.
        this.id = this.distribution.id;
        this.arn = this.distribution.arn;
        this.domainName = this.distribution.domainName;
        this.hostedZoneId = this.distribution.hostedZoneId;
        this.url = siteUrl(aliases, this.distribution.domainName);
        this.certificateArn = pulumi.output(certificateArn);
        this.webAclArn = pulumi.output(webAclArn);
        this.logBucketName = pulumi.output(logBucket?.bucket);
        this.dnsRecords = args.externalDns ? externalDnsRecords(aliases, this.certificate, this.distribution.domainName) : pulumi.output([]);
        this.invalidationCommand = invalidationCommand(this.distribution.id);
        this.registerOutputs({
            dnsRecords: this.dnsRecords,
            invalidationCommand: this.invalidationCommand,
            id: this.id,
            arn: this.arn,
            domainName: this.domainName,
            url: this.url,
            hostedZoneId: this.hostedZoneId,
            certificateArn: this.certificateArn,
            webAclArn: this.webAclArn,
            logBucketName: this.logBucketName,
        });
    }

    private createCertificate(
        name: string,
        args: DistributionArgs,
        zoneId: pulumi.Output<string> | undefined,
        tags: Tags,
    ): Certificate | undefined {
        const aliases = args.aliases ?? [];
        if (aliases.length === 0 || args.certificateArn !== undefined || (zoneId === undefined && !args.externalDns)) {
            return undefined;
        }
        // The common name is at most 64 characters: the first alias that fits, the others are SANs.
        const commonName = aliases.find((alias) => alias.length <= MAX_COMMON_NAME_LENGTH) ?? aliases[0];
        return new Certificate(
            childName(name, "certificate"),
            {
                domainName: commonName,
                subjectAlternativeNames: aliases.filter((alias) => alias !== commonName),
                hostedZoneId: zoneId,
                maxNames: args.certificateMaxNames,
                validationTimeout: args.certificateValidationTimeout,
                tags,
            },
            { parent: this },
        );
    }
}

/** The zone id: given, or looked up once by name among public zones. */
function resolveZoneId(zone: HostedZoneArgs, parent: pulumi.Resource): pulumi.Output<string> {
    if ("id" in zone && zone.id !== undefined) {
        return pulumi.output(zone.id);
    }
    return aws.route53.getZoneOutput({ name: zoneNameOf(zone.name as string), privateZone: false }, { parent }).zoneId;
}

/** The records an external DNS needs: validation CNAMEs of a created certificate, then the aliases' CNAMEs. */
function externalDnsRecords(aliases: string[], certificate: Certificate | undefined, domainName: pulumi.Output<string>): pulumi.Output<DnsRecord[]> {
    const validation = certificate?.dnsValidationRecords ?? pulumi.output([]);
    return pulumi.all([validation, domainName]).apply(([records, target]) => [
        ...records,
        ...aliases.map((alias) => ({ name: alias, type: "CNAME", value: target })),
    ]);
}

/** True when requests for the target go to an S3 origin (a group counts by its primary). */
function isS3Target(target: string, args: DistributionArgs): boolean {
    const origin: OriginArgs | undefined = args.origins[args.originGroups?.[target]?.primary ?? target];
    return origin !== undefined && "s3" in origin;
}

/** The target of behaviors that name no origin: the only origin or group, when there is one. */
function onlyTarget(args: DistributionArgs): string {
    const targets = [...Object.keys(args.origins), ...Object.keys(args.originGroups ?? {})];
    return targets[0];
}
