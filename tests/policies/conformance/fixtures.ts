import type { AnalyzedResource } from "../../../plan/policyServer";
import { resource } from "../pack";

export const DIST = "aws:cloudfront/distribution:Distribution";
const CERT_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/abc";

/** The verdict a control gives on a fixture: it passes, or it fails. */
export type Verdict = "pass" | "fail";

/** One documented condition of a control, as a resource (or a stack) and the control's verdict on it. */
export interface Fixture {
    condition: string;
    verdict: Verdict;
    type?: string;
    props?: Record<string, any>;
    /** For controls judged across resources: the whole stack. */
    stack?: AnalyzedResource[];
}

/** A control the pack cites, where its conditions are documented, and fixtures for each of them. */
export interface ControlCase {
    control: string;
    source: string;
    fixtures: Fixture[];
}

/**
 * A distribution every CloudFront control passes: custom certificate with SNI and TLSv1.2_2021,
 * HTTPS viewers, an S3 origin with OAC and a default root object, an HTTPS-only custom origin,
 * an origin group, WAF, logging, a geo restriction and tags.
 */
export function distribution(edit: (props: Record<string, any>) => void = () => undefined): Record<string, any> {
    const props: Record<string, any> = {
        aliases: ["www.example.com"],
        origins: [
            { originId: "site", domainName: "site.s3.eu-west-3.amazonaws.com", originAccessControlId: "E1" },
            { originId: "api", domainName: "api.example.net", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"], httpPort: 80, httpsPort: 443 } },
        ],
        originGroups: [{ originId: "g", members: [{ originId: "site" }, { originId: "api" }], failoverCriteria: { statusCodes: [500] } }],
        defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https", responseHeadersPolicyId: "h" },
        orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only", responseHeadersPolicyId: "h" }],
        viewerCertificate: { acmCertificateArn: CERT_ARN, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
        webAclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/b",
        loggingConfig: { bucket: "logs.s3.amazonaws.com" },
        defaultRootObject: "index.html",
        restrictions: { geoRestriction: { restrictionType: "whitelist", locations: ["FR"] } },
        tags: { team: "web" },
    };
    edit(props);
    return props;
}

const dist = (condition: string, verdict: Verdict, edit: (p: Record<string, any>) => void): Fixture => ({ condition, verdict, type: DIST, props: distribution(edit) });
const customOrigin = (p: Record<string, any>) => p.origins[1].customOriginConfig;
const defaultCertificate = (p: Record<string, any>) => {
    p.aliases = [];
    p.viewerCertificate = { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1" };
};
const securityHub = (id: string) => `https://docs.aws.amazon.com/securityhub/latest/userguide/cloudfront-controls.html#cloudfront-${id.split(".")[1]}`;
const checkovSource = (file: string) => `https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/${file}`;

/** CloudFront: Security Hub's CloudFront controls page and Checkov's checks, condition by condition. */
export const CLOUDFRONT_CONTROLS: ControlCase[] = [
    {
        control: "CloudFront.1",
        source: securityHub("CloudFront.1"),
        fixtures: [
            dist("S3 origin without a default root object", "fail", (p) => delete p.defaultRootObject),
            dist("S3 origin with a default root object", "pass", () => undefined),
            dist("custom origins only, no default root object (does not apply)", "pass", (p) => {
                p.origins.splice(0, 1);
                delete p.defaultRootObject;
            }),
        ],
    },
    {
        control: "CloudFront.3",
        source: securityHub("CloudFront.3"),
        fixtures: [
            dist("default behavior allow-all", "fail", (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all")),
            dist("an ordered behavior allow-all", "fail", (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all")),
            dist("redirect-to-https and https-only", "pass", () => undefined),
        ],
    },
    {
        control: "CKV_AWS_34",
        source: checkovSource("resource/aws/CloudfrontDistributionEncryption.py"),
        fixtures: [
            dist("default_cache_behavior allow-all", "fail", (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all")),
            dist("ordered_cache_behavior allow-all", "fail", (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all")),
            dist("no behavior allow-all", "pass", () => undefined),
        ],
    },
    {
        control: "CloudFront.4",
        source: securityHub("CloudFront.4"),
        fixtures: [
            dist("no origin group", "fail", (p) => (p.originGroups = [])),
            dist("an origin group with two origins", "pass", () => undefined),
        ],
    },
    {
        control: "CKV_AWS_310",
        source: checkovSource("resource/aws/CloudfrontDistributionOriginFailover.py"),
        fixtures: [
            dist("no origin_group", "fail", (p) => (p.originGroups = [])),
            dist("an origin_group without failover_criteria", "fail", (p) => delete p.originGroups[0].failoverCriteria),
            dist("an origin_group with one member", "fail", (p) => (p.originGroups[0].members = [{ originId: "site" }])),
            dist("origin_group with failover_criteria and two members", "pass", () => undefined),
        ],
    },
    {
        control: "CloudFront.5",
        source: securityHub("CloudFront.5"),
        fixtures: [dist("standard logging off", "fail", (p) => delete p.loggingConfig), dist("standard logging to a bucket", "pass", () => undefined)],
    },
    {
        control: "CKV_AWS_86",
        source: checkovSource("resource/aws/CloudfrontDistributionLogging.py"),
        fixtures: [dist("no logging_config", "fail", (p) => delete p.loggingConfig), dist("logging_config.bucket set", "pass", () => undefined)],
    },
    {
        control: "CloudFront.6",
        source: securityHub("CloudFront.6"),
        fixtures: [dist("no web ACL", "fail", (p) => delete p.webAclId), dist("a web ACL", "pass", () => undefined)],
    },
    {
        control: "CKV_AWS_68",
        source: checkovSource("resource/aws/WAFEnabled.py"),
        fixtures: [dist("no web_acl_id", "fail", (p) => delete p.webAclId), dist("web_acl_id set", "pass", () => undefined)],
    },
    {
        control: "CloudFront.7",
        source: securityHub("CloudFront.7"),
        fixtures: [
            dist("the default *.cloudfront.net certificate", "fail", defaultCertificate),
            dist("an ACM certificate", "pass", () => undefined),
            dist("an IAM certificate", "pass", (p) => (p.viewerCertificate = { iamCertificateId: "ASCAEXAMPLE", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" })),
        ],
    },
    {
        control: "CKV2_AWS_42",
        source: checkovSource("graph_checks/aws/CloudFrontHasCustomSSLCertificate.yaml"),
        fixtures: [
            dist("neither acm_certificate_arn nor iam_certificate_id", "fail", defaultCertificate),
            dist("acm_certificate_arn", "pass", () => undefined),
            dist("iam_certificate_id", "pass", (p) => (p.viewerCertificate = { iamCertificateId: "ASCAEXAMPLE", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" })),
        ],
    },
    {
        control: "CloudFront.8",
        source: securityHub("CloudFront.8"),
        fixtures: [
            dist("a custom certificate on dedicated IPs (vip)", "fail", (p) => (p.viewerCertificate.sslSupportMethod = "vip")),
            dist("a custom certificate with SNI", "pass", () => undefined),
            dist("the default certificate (does not apply)", "pass", defaultCertificate),
        ],
    },
    {
        control: "CloudFront.9",
        source: securityHub("CloudFront.9"),
        fixtures: [
            dist("origin protocol policy http-only", "fail", (p) => (customOrigin(p).originProtocolPolicy = "http-only")),
            dist("match-viewer while a behavior is allow-all", "fail", (p) => {
                customOrigin(p).originProtocolPolicy = "match-viewer";
                p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all";
            }),
            dist("match-viewer while every behavior requires HTTPS", "pass", (p) => (customOrigin(p).originProtocolPolicy = "match-viewer")),
            dist("https-only", "pass", () => undefined),
        ],
    },
    {
        control: "CloudFront.10",
        source: securityHub("CloudFront.10"),
        fixtures: [
            dist("OriginSslProtocols includes SSLv3", "fail", (p) => (customOrigin(p).originSslProtocols = ["SSLv3", "TLSv1.2"])),
            dist("TLSv1 and TLSv1.2, no SSLv3", "pass", (p) => (customOrigin(p).originSslProtocols = ["TLSv1", "TLSv1.2"])),
            dist("TLSv1.2 only", "pass", () => undefined),
        ],
    },
    {
        control: "CKV2_AWS_54",
        source: checkovSource("graph_checks/aws/CloudFrontUsesSecureProtocolsForHTTPS.yaml"),
        fixtures: [
            dist("origin_ssl_protocols contains SSLv3", "fail", (p) => (customOrigin(p).originSslProtocols = ["SSLv3"])),
            dist("origin_ssl_protocols TLSv1.1 and TLSv1.2", "pass", (p) => (customOrigin(p).originSslProtocols = ["TLSv1.1", "TLSv1.2"])),
        ],
    },
    {
        control: "CloudFront.13",
        source: securityHub("CloudFront.13"),
        fixtures: [
            dist("S3 origin without an origin access control", "fail", (p) => delete p.origins[0].originAccessControlId),
            dist("S3 origin with a legacy origin access identity only", "fail", (p) => {
                delete p.origins[0].originAccessControlId;
                p.origins[0].s3OriginConfig = { originAccessIdentity: "origin-access-identity/cloudfront/E2" };
            }),
            dist("S3 origin with an origin access control", "pass", () => undefined),
            dist("custom origins only (does not apply)", "pass", (p) => p.origins.splice(0, 1)),
        ],
    },
    {
        control: "CloudFront.14",
        source: securityHub("CloudFront.14"),
        fixtures: [
            dist("no tags", "fail", (p) => delete p.tags),
            dist("only system tags (aws:*)", "fail", (p) => (p.tags = { "aws:cloudformation:stack-name": "s" })),
            dist("a user tag", "pass", () => undefined),
        ],
    },
    {
        control: "CloudFront.15",
        source: securityHub("CloudFront.15"),
        fixtures: [
            dist("SNI with TLSv1.1_2016", "fail", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016")),
            dist("SNI with TLSv1.2_2019", "fail", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2019")),
            dist("SNI with TLSv1.2_2021", "pass", () => undefined),
            dist("SNI with TLSv1.2_2025", "pass", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2025")),
            dist("SNI with TLSv1.3_2025", "pass", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.3_2025")),
            dist("the default certificate (does not apply)", "pass", defaultCertificate),
            dist("dedicated IPs with TLSv1 (does not apply)", "pass", (p) => (p.viewerCertificate = { acmCertificateArn: CERT_ARN, sslSupportMethod: "vip", minimumProtocolVersion: "TLSv1" })),
        ],
    },
    {
        control: "CKV_AWS_174",
        source: checkovSource("resource/aws/CloudfrontTLS12.py"),
        fixtures: [
            dist("cloudfront_default_certificate true", "fail", defaultCertificate),
            dist("minimum_protocol_version TLSv1.1_2016", "fail", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016")),
            dist("minimum_protocol_version unset (TLSv1)", "fail", (p) => delete p.viewerCertificate.minimumProtocolVersion),
            dist("minimum_protocol_version TLSv1.2_2018", "pass", (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.2_2018")),
            dist("minimum_protocol_version TLSv1.2_2021", "pass", () => undefined),
        ],
    },
    {
        control: "CloudFront.16",
        source: securityHub("CloudFront.16"),
        fixtures: [
            dist("a Lambda function URL origin without an origin access control", "fail", (p) =>
                p.origins.push({ originId: "fn", domainName: "abc123.lambda-url.us-east-1.on.aws", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }),
            ),
            dist("a Lambda function URL origin with an origin access control", "pass", (p) =>
                p.origins.push({ originId: "fn", domainName: "abc123.lambda-url.us-east-1.on.aws", originAccessControlId: "E9", customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] } }),
            ),
            dist("no Lambda function URL origin (does not apply)", "pass", () => undefined),
        ],
    },
    {
        control: "CKV_AWS_374",
        source: checkovSource("resource/aws/CloudFrontGeoRestrictionDisabled.py"),
        fixtures: [
            dist("restriction_type none", "fail", (p) => (p.restrictions.geoRestriction = { restrictionType: "none" })),
            dist("restriction_type whitelist", "pass", () => undefined),
            dist("restriction_type blacklist", "pass", (p) => (p.restrictions.geoRestriction = { restrictionType: "blacklist", locations: ["AQ"] })),
        ],
    },
];

export { resource };
