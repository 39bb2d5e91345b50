import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, Tags, zoneNameOf } from "../shared";
import { createAliasRecords } from "./aliasRecords";
import { buildBehaviors } from "./behaviors";
import { Certificate } from "./certificate";
import type { DistributionArgs, HostedZoneArgs } from "./distributionArgs";
import { createLogBucket, DEFAULT_LOG_EXPIRATION_DAYS, LogBucket } from "./logBucket";
import { createMediaStreaming, MediaStreaming } from "./mediaStreaming";
import { createMonitoring, Monitoring } from "./monitoring";
import { createOriginAccessControl, createOriginBucketPolicy } from "./originAccess";
import { s3OriginKeys } from "./origins";
import { distributionInputs, siteUrl } from "./distributionInputs";
import { createResponseHeadersPolicy } from "./securityHeaders";
import { validateBehaviors } from "./validateBehaviors";
import { validateOrigins } from "./validateOrigins";
import { validateProtection } from "./validateProtection";
import { validateViewer } from "./validateViewer";
import { createWebAcl } from "./webAcl";
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

    /** The child resources, for escape hatches. */
    public readonly distribution: aws.cloudfront.Distribution;
    public readonly certificate?: Certificate;
    public readonly webAcl?: aws.wafv2.WebAcl;
    public readonly logBucket?: LogBucket;
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
        this.webAcl = args.waf === false || args.waf?.webAclArn ? undefined : createWebAcl(childName(name, "waf"), args.waf ?? {}, tags, this);
        this.logBucket = args.logging === false || args.logging?.bucket ? undefined : createLogBucket(name, args.logging?.expirationDays ?? DEFAULT_LOG_EXPIRATION_DAYS, tags, this);
        const headers = args.securityHeaders === false ? undefined : (args.securityHeaders ?? {});
        this.securityHeadersPolicy = headers && headers.policyId === undefined
            ? createResponseHeadersPolicy(childName(name, "security-headers"), headers, `${name}: security headers`, this)
            : undefined;

        // 2. Its domain: the hosted zone and the certificate.
        const zoneId = args.hostedZone ? resolveZoneId(args.hostedZone, this) : undefined;
        this.certificate = this.createCertificate(name, args, zoneId, tags);

        // 3. Where requests go: origin access, media preset, behaviors.
        this.originAccessControl = s3Keys.length > 0 ? createOriginAccessControl(name, this) : undefined;
        this.mediaStreaming = args.mediaStreaming
            ? createMediaStreaming(name, args.mediaStreaming, headers ?? {}, s3Keys.includes(args.mediaStreaming.origin) ? "CORS-S3Origin" : "CORS-CustomOrigin", this)
            : undefined;
        const behaviors = buildBehaviors(
            { name, parent: this, defaultTarget: onlyTarget(args), securityHeadersPolicyId: this.securityHeadersPolicy?.id ?? headers?.policyId },
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
                hasS3Origin: s3Keys.length > 0,
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
        this.monitoring = args.monitoring ? createMonitoring(name, args.monitoring, this.distribution.id, tags, this) : undefined;

        // 6. Outputs.
        this.id = this.distribution.id;
        this.arn = this.distribution.arn;
        this.domainName = this.distribution.domainName;
        this.hostedZoneId = this.distribution.hostedZoneId;
        this.url = siteUrl(aliases, this.distribution.domainName);
        this.certificateArn = pulumi.output(certificateArn);
        this.webAclArn = pulumi.output(webAclArn);
        this.logBucketName = pulumi.output(logBucket?.bucket);
        this.registerOutputs({
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
        if (aliases.length === 0 || args.certificateArn !== undefined || zoneId === undefined) {
            return undefined;
        }
        return new Certificate(
            childName(name, "certificate"),
            {
                domainName: aliases[0],
                subjectAlternativeNames: aliases.slice(1),
                hostedZoneId: zoneId,
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

/** The target of behaviors that name no origin: the only origin or group, when there is one. */
function onlyTarget(args: DistributionArgs): string {
    const targets = [...Object.keys(args.origins), ...Object.keys(args.originGroups ?? {})];
    return targets[0];
}
