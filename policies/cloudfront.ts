import type { Policies } from "@pulumi/policy/policy";
import { resourcePolicy, securityHubUrl } from "./define";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const HEADERS_POLICY = "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy";
const TYPES = [DISTRIBUTION];

/** TLS policies CloudFront offers that are still considered secure. */
export const SECURE_VIEWER_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
const INSECURE_ORIGIN_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1"];

/** Every behavior of a distribution with a readable label. */
function behaviors(props: Record<string, any>): { label: string; behavior: Record<string, any> }[] {
    const ordered = (props.orderedCacheBehaviors ?? []) as Record<string, any>[];
    return [
        ...(props.defaultCacheBehavior ? [{ label: "the default behavior", behavior: props.defaultCacheBehavior }] : []),
        ...ordered.map((behavior) => ({ label: `behavior '${behavior.pathPattern}'`, behavior })),
    ];
}

function origins(props: Record<string, any>): Record<string, any>[] {
    return (props.origins ?? []) as Record<string, any>[];
}

/** S3 REST endpoints (not website endpoints, which are custom origins). */
function isS3Origin(origin: Record<string, any>): boolean {
    const domain = String(origin.domainName ?? "");
    return origin.s3OriginConfig !== undefined || (/\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(domain) && !/\.s3-website[.-]/.test(domain));
}

function usesCustomCertificate(props: Record<string, any>): boolean {
    const cert = props.viewerCertificate ?? {};
    return Boolean(cert.acmCertificateArn || cert.iamCertificateId) && cert.cloudfrontDefaultCertificate !== true;
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
        description: "A distribution with its own certificate must offer viewers only a recommended TLS policy",
        severity: "high",
        controls: { securityHub: ["CloudFront.15"], checkov: ["CKV_AWS_174"] },
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
            if (usesCustomCertificate(props) && !allowed.includes(version)) {
                report(`minimumProtocolVersion ${JSON.stringify(version ?? "TLSv1 (default)")} is not allowed; use one of ${allowed.join(", ")}`);
            }
        },
        fix: (props, args) => {
            const allowed = args.getConfig<{ allowedVersions?: string[] }>().allowedVersions ?? SECURE_VIEWER_TLS;
            if (!usesCustomCertificate(props) || allowed.includes(props.viewerCertificate?.minimumProtocolVersion)) {
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
        controls: { securityHub: ["CloudFront.7"], checkov: ["CKV2_AWS_42"] },
        remediationSteps: "Request an ACM certificate in us-east-1 for the aliases and set viewerCertificate.acmCertificateArn.",
        url: securityHubUrl("CloudFront.7"),
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
        description: "A distribution with its own certificate should serve it with SNI, not dedicated IP addresses",
        severity: "low",
        controls: { securityHub: ["CloudFront.8"] },
        remediationSteps: "Set viewerCertificate.sslSupportMethod to 'sni-only' unless very old clients need dedicated IPs.",
        url: securityHubUrl("CloudFront.8"),
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            const method = props.viewerCertificate?.sslSupportMethod;
            if (usesCustomCertificate(props) && method !== "sni-only") {
                report(`sslSupportMethod is ${JSON.stringify(method ?? "unset")}; use 'sni-only'`);
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
        controls: { securityHub: ["CloudFront.13"], checkov: ["CKV2_AWS_46"] },
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
        description: "Custom origins must be reached over HTTPS only",
        severity: "medium",
        controls: { securityHub: ["CloudFront.9"], checkov: ["CKV2_AWS_72"] },
        remediationSteps: "Set customOriginConfig.originProtocolPolicy to 'https-only' once the origin serves a valid certificate.",
        url: securityHubUrl("CloudFront.9"),
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
        description: "Custom origins must not offer SSLv3, TLSv1 or TLSv1.1",
        severity: "medium",
        controls: { securityHub: ["CloudFront.10"], checkov: ["CKV2_AWS_54"] },
        remediationSteps: "Set customOriginConfig.originSslProtocols to ['TLSv1.2'].",
        url: securityHubUrl("CloudFront.10"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                const weak = ((origin.customOriginConfig?.originSslProtocols ?? []) as string[]).filter((p) => INSECURE_ORIGIN_PROTOCOLS.includes(p));
                if (weak.length > 0) {
                    report(`custom origin '${origin.originId}' offers ${weak.join(", ")}; offer TLSv1.2 only`);
                }
            }
        },
        fix: (props) => {
            const weak = (o: Record<string, any>) => ((o.customOriginConfig?.originSslProtocols ?? []) as string[]).some((p) => INSECURE_ORIGIN_PROTOCOLS.includes(p));
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
        controls: { securityHub: ["CloudFront.1"], checkov: ["CKV_AWS_305"] },
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
        description: "A distribution should have an origin group for failover",
        severity: "low",
        controls: { securityHub: ["CloudFront.4"], checkov: ["CKV_AWS_310"] },
        remediationSteps: "Add an origin group with a primary and a secondary origin and route behaviors to it.",
        url: securityHubUrl("CloudFront.4"),
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            if (((props.originGroups ?? []) as unknown[]).length === 0) {
                report("no origin group: an origin outage makes the distribution fail");
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
            const type = props.restrictions?.geoRestriction?.restrictionType;
            if (!type || type === "none") {
                report("no geographic restriction");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-response-headers-policy",
        description: "Every cache behavior must attach a response headers policy (security headers)",
        severity: "medium",
        controls: { checkov: ["CKV2_AWS_32"] },
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
        controls: { checkov: ["CKV_AWS_259"] },
        remediationSteps: "Set securityHeadersConfig.strictTransportSecurity with accessControlMaxAgeSec of at least a year, includeSubdomains and override.",
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
        description: "Distributions must carry the required tag keys",
        severity: "low",
        controls: { securityHub: ["CloudFront.14"] },
        remediationSteps: "Add the tag keys listed in this policy's requiredTags config to the distribution.",
        url: securityHubUrl("CloudFront.14"),
        enforcementLevel: "disabled",
        configSchema: { properties: { requiredTags: { type: "array", items: { type: "string" }, default: [] } } },
        types: TYPES,
        check: (props, report, args) => {
            const required = args.getConfig<{ requiredTags?: string[] }>().requiredTags ?? [];
            const missing = required.filter((key) => !(key in (props.tags ?? {})));
            if (missing.length > 0) {
                report(`missing tag keys: ${missing.join(", ")}`);
            }
        },
    }),
];
