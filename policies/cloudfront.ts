import type { Policies } from "@pulumi/policy/policy";
import { cloudfrontControlPolicies } from "./cloudfrontControls";
import { behaviors, isS3Origin, itemsOf, origins, usesCustomCertificate } from "./cloudfrontProps";
import { cloudfrontStackPolicies } from "./cloudfrontStack";
import { resourcePolicy, securityHubUrl } from "./define";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const TYPES = [DISTRIBUTION];

/** TLS policies CloudFront offers that are still considered secure. */
export const SECURE_VIEWER_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
const INSECURE_ORIGIN_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1"];
/** CloudFront's dedicated-IP support methods (`static-ip` is the legacy name). */
const DEDICATED_IP = ["vip", "static-ip"];

/** Security Hub CloudFront.15 judges only custom certificates served with SNI (not dedicated IPs). */
function servedWithSni(props: Record<string, any>): boolean {
    return usesCustomCertificate(props) && !DEDICATED_IP.includes(props.viewerCertificate?.sslSupportMethod);
}

export const cloudfrontPolicies: Policies = [
    resourcePolicy({
        name: "cloudfront-viewer-https",
        description: "Every cache behavior must redirect viewers to HTTPS or require it",
        severity: "high",
        controls: { securityHub: ["CloudFront.3"], checkov: ["CKV_AWS_34"] },
        remediationSteps: "Set viewerProtocolPolicy to 'redirect-to-https' (or 'https-only') on the default and every ordered behavior.",
        url: securityHubUrl("CloudFront.3"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const { label, behavior } of behaviors(props)) {
                if (behavior.viewerProtocolPolicy === "allow-all") {
                    report(`${label} allows plain HTTP (viewerProtocolPolicy 'allow-all'); use 'redirect-to-https' or 'https-only'`);
                }
            }
        },
        fix: (props) => {
            if (!behaviors(props).some(({ behavior }) => behavior.viewerProtocolPolicy === "allow-all")) {
                return undefined;
            }
            for (const { behavior } of behaviors(props)) {
                if (behavior.viewerProtocolPolicy === "allow-all") {
                    behavior.viewerProtocolPolicy = "redirect-to-https";
                }
            }
            return props;
        },
    }),
    resourcePolicy({
        name: "cloudfront-minimum-tls",
        description: "A distribution serving its own certificate with SNI must offer viewers only a recommended TLS policy",
        severity: "high",
        controls: { securityHub: ["CloudFront.15"] },
        remediationSteps: "Set viewerCertificate.minimumProtocolVersion to 'TLSv1.2_2021' or newer.",
        url: securityHubUrl("CloudFront.15"),
        enforcementLevel: "mandatory",
        configSchema: {
            properties: {
                allowedVersions: { type: "array", items: { type: "string" }, default: SECURE_VIEWER_TLS, minItems: 1 },
            },
        },
        types: TYPES,
        check: (props, report, args) => {
            const allowed = args.getConfig<{ allowedVersions?: string[] }>().allowedVersions ?? SECURE_VIEWER_TLS;
            const version = props.viewerCertificate?.minimumProtocolVersion;
            if (servedWithSni(props) && !allowed.includes(version)) {
                report(`minimumProtocolVersion ${JSON.stringify(version ?? "TLSv1 (default)")} is not allowed; use one of ${allowed.join(", ")}`);
            }
        },
        fix: (props, args) => {
            const allowed = args.getConfig<{ allowedVersions?: string[] }>().allowedVersions ?? SECURE_VIEWER_TLS;
            if (!servedWithSni(props) || allowed.includes(props.viewerCertificate?.minimumProtocolVersion)) {
                return undefined;
            }
            props.viewerCertificate.minimumProtocolVersion = allowed[0];
            return props;
        },
    }),
    resourcePolicy({
        name: "cloudfront-custom-certificate",
        description: "A distribution serving alternate domain names must use its own ACM or IAM certificate",
        severity: "medium",
        controls: {},
        remediationSteps: "Request an ACM certificate in us-east-1 for the aliases and set viewerCertificate.acmCertificateArn.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            const aliases = (props.aliases ?? []) as string[];
            if (aliases.length > 0 && !usesCustomCertificate(props)) {
                report(`aliases ${aliases.join(", ")} are served with the default *.cloudfront.net certificate; set viewerCertificate.acmCertificateArn`);
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-sni",
        description: "A distribution with its own certificate should serve it with SNI, not dedicated IP addresses (vip)",
        severity: "low",
        controls: { securityHub: ["CloudFront.8"] },
        remediationSteps: "Set viewerCertificate.sslSupportMethod to 'sni-only' unless very old clients need dedicated IPs.",
        url: securityHubUrl("CloudFront.8"),
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            const method = props.viewerCertificate?.sslSupportMethod;
            if (usesCustomCertificate(props) && DEDICATED_IP.includes(method)) {
                report(`sslSupportMethod is ${JSON.stringify(method)}; use 'sni-only'`);
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-waf-attached",
        description: "A distribution must be protected by an AWS WAF web ACL",
        severity: "medium",
        controls: { securityHub: ["CloudFront.6"], checkov: ["CKV_AWS_68"] },
        remediationSteps: "Create a WAFv2 web ACL of scope CLOUDFRONT in us-east-1 and set webAclId to its ARN.",
        url: securityHubUrl("CloudFront.6"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            if (!props.webAclId) {
                report("no web ACL is attached (webAclId is empty)");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-access-logging",
        description: "A distribution must write standard access logs",
        severity: "medium",
        controls: { securityHub: ["CloudFront.5"], checkov: ["CKV_AWS_86"] },
        remediationSteps: "Set loggingConfig.bucket to the domain name of an S3 bucket with ACLs enabled for log delivery.",
        url: securityHubUrl("CloudFront.5"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            if (!props.loggingConfig?.bucket) {
                report("standard logging is off (loggingConfig.bucket is empty)");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-s3-origin-access-control",
        description: "S3 origins must be read through an Origin Access Control, never a legacy origin access identity or a public bucket",
        severity: "medium",
        controls: { securityHub: ["CloudFront.13"] },
        remediationSteps: "Create an aws.cloudfront.OriginAccessControl (type s3, signing always, sigv4), set originAccessControlId on the origin, remove s3OriginConfig.originAccessIdentity, and allow cloudfront.amazonaws.com with an AWS:SourceArn condition in the bucket policy.",
        url: securityHubUrl("CloudFront.13"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props).filter(isS3Origin)) {
                if (origin.s3OriginConfig?.originAccessIdentity) {
                    report(`S3 origin '${origin.originId}' uses a legacy origin access identity; use an Origin Access Control`);
                } else if (!origin.originAccessControlId) {
                    report(`S3 origin '${origin.originId}' has no Origin Access Control; the bucket would have to be public`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-origin-https-only",
        description: "Custom origins must be reached over HTTPS only, whatever protocol the viewer used (stricter than CloudFront.9, which accepts 'match-viewer' when no behavior allows HTTP)",
        severity: "medium",
        controls: {},
        remediationSteps: "Set customOriginConfig.originProtocolPolicy to 'https-only' once the origin serves a valid certificate.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                const policy = origin.customOriginConfig?.originProtocolPolicy;
                if (policy !== undefined && policy !== "https-only") {
                    report(`custom origin '${origin.originId}' uses originProtocolPolicy '${policy}'; use 'https-only'`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-origin-tls",
        description: "Custom origins must not offer SSLv3, TLSv1 or TLSv1.1 (stricter than CloudFront.10, which refuses SSLv3 only)",
        severity: "medium",
        controls: {},
        remediationSteps: "Set customOriginConfig.originSslProtocols to ['TLSv1.2'].",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                const weak = itemsOf<string>(origin.customOriginConfig?.originSslProtocols).filter((p) => INSECURE_ORIGIN_PROTOCOLS.includes(p));
                if (weak.length > 0) {
                    report(`custom origin '${origin.originId}' offers ${weak.join(", ")}; offer TLSv1.2 only`);
                }
            }
        },
        fix: (props) => {
            const weak = (o: Record<string, any>) => itemsOf<string>(o.customOriginConfig?.originSslProtocols).some((p) => INSECURE_ORIGIN_PROTOCOLS.includes(p));
            if (!origins(props).some(weak)) {
                return undefined;
            }
            for (const origin of origins(props).filter(weak)) {
                origin.customOriginConfig.originSslProtocols = ["TLSv1.2"];
            }
            return props;
        },
    }),
    resourcePolicy({
        name: "cloudfront-default-root-object",
        description: "A distribution with an S3 origin must set a default root object",
        severity: "high",
        controls: { securityHub: ["CloudFront.1"] },
        remediationSteps: "Set defaultRootObject, e.g. 'index.html', so that '/' does not expose the bucket's listing or errors.",
        url: securityHubUrl("CloudFront.1"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            if (origins(props).some(isS3Origin) && !props.defaultRootObject) {
                report("an S3 origin is served without a default root object");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-lambda-url-origin-access-control",
        description: "Lambda function URL origins must be signed with an Origin Access Control",
        severity: "medium",
        controls: { securityHub: ["CloudFront.16"] },
        remediationSteps: "Create an Origin Access Control of type 'lambda', set originAccessControlId on the origin, and set the function URL's auth type to AWS_IAM.",
        url: securityHubUrl("CloudFront.16"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                if (/\.lambda-url\.[a-z0-9-]+\.on\.aws$/.test(String(origin.domainName ?? "")) && !origin.originAccessControlId) {
                    report(`Lambda function URL origin '${origin.originId}' has no Origin Access Control`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-origin-failover",
        description: "A distribution should have an origin group for failover, each group with two origins and failover criteria",
        severity: "low",
        controls: { securityHub: ["CloudFront.4"], checkov: ["CKV_AWS_310"] },
        remediationSteps: "Add an origin group with a primary and a secondary origin and route behaviors to it.",
        url: securityHubUrl("CloudFront.4"),
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            const groups = itemsOf(props.originGroups);
            if (groups.length === 0) {
                report("no origin group: an origin outage makes the distribution fail");
            }
            for (const group of groups.filter((g) => !g.failoverCriteria || ((g.members ?? []) as unknown[]).length < 2)) {
                report(`origin group '${group.originId}' needs failover criteria and two members`);
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-geo-restriction",
        description: "A distribution should restrict the countries it serves",
        severity: "low",
        controls: { checkov: ["CKV_AWS_374"] },
        remediationSteps: "Set restrictions.geoRestriction to an allow list (whitelist) or deny list (blacklist) of country codes.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html",
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            if (props.restrictions?.geoRestriction?.restrictionType === "none") {
                report("no geographic restriction");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-response-headers-policy",
        description: "Every cache behavior must attach a response headers policy (security headers); stricter than CKV2_AWS_32, which asks for one anywhere in the distribution",
        severity: "medium",
        controls: {},
        remediationSteps: "Set responseHeadersPolicyId on every behavior, e.g. the managed SecurityHeadersPolicy 67f7725c-6f97-4210-82d7-5512b31e9d03.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/adding-response-headers.html",
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const { label, behavior } of behaviors(props)) {
                if (!behavior.responseHeadersPolicyId) {
                    report(`${label} has no response headers policy`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-hsts",
        description: "Response headers policies must send Strict-Transport-Security for at least a minimum age",
        severity: "medium",
        controls: {},
        remediationSteps:
            "Set securityHeadersConfig.strictTransportSecurity with accessControlMaxAgeSec of at least the configured minimum (a year by default) and override: true. Add includeSubdomains only when every subdomain serves HTTPS.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html",
        enforcementLevel: "mandatory",
        configSchema: { properties: { minimumMaxAgeSeconds: { type: "integer", minimum: 0, default: 31536000 } } },
        types: [HEADERS_POLICY],
        check: (props, report, args) => {
            const minimum = args.getConfig<{ minimumMaxAgeSeconds?: number }>().minimumMaxAgeSeconds ?? 31536000;
            const hsts = props.securityHeadersConfig?.strictTransportSecurity;
            if (!hsts) {
                report("the policy sends no Strict-Transport-Security header");
            } else if (Number(hsts.accessControlMaxAgeSec) < minimum) {
                report(`Strict-Transport-Security max-age ${hsts.accessControlMaxAgeSec} is below ${minimum} seconds`);
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-required-tags",
        description: "Distributions must carry the required tag keys, or at least one tag when none are configured",
        severity: "low",
        controls: { securityHub: ["CloudFront.14"] },
        remediationSteps: "Add the tag keys listed in this policy's requiredTags config to the distribution.",
        url: securityHubUrl("CloudFront.14"),
        enforcementLevel: "disabled",
        configSchema: { properties: { requiredTags: { type: "array", items: { type: "string" }, default: [] } } },
        types: TYPES,
        check: (props, report, args) => {
            const required = args.getConfig<{ requiredTags?: string[] }>().requiredTags ?? [];
            // Security Hub ignores the tags AWS sets itself (keys starting with "aws:").
            const keys = Object.keys(props.tags ?? {}).filter((key) => !key.startsWith("aws:"));
            const missing = required.filter((key) => !keys.includes(key));
            if (missing.length > 0) {
                report(`missing tag keys: ${missing.join(", ")}`);
            } else if (required.length === 0 && keys.length === 0) {
                report("the distribution has no tags");
            }
        },
    }),
    ...cloudfrontControlPolicies,
    ...cloudfrontStackPolicies,
];
