import type { Policies } from "@pulumi/policy";
import { resourcePolicy, securityHubUrl } from "./define";

const CERTIFICATE = "aws:acm/certificate:Certificate";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

/** A certificate ACM issues (not an imported or private one): it has a domain name and no key material. */
function isRequested(props: Record<string, any>): boolean {
    return Boolean(props.domainName) && !props.certificateBody && !props.certificateAuthorityArn;
}

export const acmPolicies: Policies = [
    resourcePolicy({
        name: "acm-dns-validation",
        description: "Public certificates must be validated through DNS, which renews automatically, not e-mail",
        severity: "medium",
        controls: {},
        remediationSteps: "Set validationMethod to 'DNS' and create the validation records (aws.acm.CertificateValidation).",
        url: "https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html",
        enforcementLevel: "mandatory",
        types: [CERTIFICATE],
        check: (props, report) => {
            if (isRequested(props) && props.validationMethod !== "DNS") {
                report(`validationMethod is ${JSON.stringify(props.validationMethod ?? "unset")}; use 'DNS'`);
            }
        },
    }),
    resourcePolicy({
        name: "acm-rsa-key-length",
        description: "RSA certificates must use keys of at least 2048 bits",
        severity: "high",
        controls: { securityHub: ["ACM.2"] },
        remediationSteps: "Request the certificate with keyAlgorithm 'RSA_2048' (or larger, or an EC key).",
        url: securityHubUrl("ACM.2"),
        enforcementLevel: "mandatory",
        types: [CERTIFICATE],
        check: (props, report) => {
            if (props.keyAlgorithm === "RSA_1024") {
                report("keyAlgorithm RSA_1024 is too weak; use RSA_2048 or stronger, or an EC key");
            }
        },
    }),
    resourcePolicy({
        name: "acm-transparency-logging",
        description: "Certificates must not opt out of certificate transparency logging",
        severity: "medium",
        controls: { checkov: ["CKV_AWS_234"] },
        remediationSteps: "Set options.certificateTransparencyLoggingPreference to 'ENABLED' (or leave it unset).",
        url: "https://docs.aws.amazon.com/acm/latest/userguide/acm-concepts.html#concept-transparency",
        enforcementLevel: "mandatory",
        types: [CERTIFICATE],
        check: (props, report) => {
            if (props.options?.certificateTransparencyLoggingPreference === "DISABLED") {
                report("certificate transparency logging is disabled");
            }
        },
        fix: (props) => {
            if (props.options?.certificateTransparencyLoggingPreference !== "DISABLED") {
                return undefined;
            }
            props.options.certificateTransparencyLoggingPreference = "ENABLED";
            return props;
        },
    }),
    resourcePolicy({
        name: "acm-cloudfront-certificate-region",
        description: "A certificate used by a CloudFront distribution must be in us-east-1",
        severity: "high",
        controls: {},
        remediationSteps: "Request the certificate with region 'us-east-1' (the per-resource region of @pulumi/aws 7) and use that ARN.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
        enforcementLevel: "mandatory",
        // It reads the distribution alone: checked per resource, so that no stack scan is needed.
        types: [DISTRIBUTION],
        check: (props, report, args) => {
            const arn = props.viewerCertificate?.acmCertificateArn;
            const region = typeof arn === "string" ? arn.split(":")[3] : undefined;
            if (region !== undefined && region !== "us-east-1") {
                report(`distribution '${args.name}' uses certificate ${arn} from ${region}; CloudFront only reads certificates in us-east-1`);
            }
        },
    }),
    resourcePolicy({
        name: "acm-no-wildcard",
        description: "Certificates should name hosts rather than use wildcards",
        severity: "low",
        controls: { checkov: ["CKV2_AWS_71"] },
        remediationSteps: "List the host names in domainName and subjectAlternativeNames instead of '*.' names.",
        url: "https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html",
        enforcementLevel: "disabled",
        types: [CERTIFICATE],
        check: (props, report) => {
            const names = [props.domainName, ...((props.subjectAlternativeNames ?? []) as string[])].filter((n) => typeof n === "string" && n.startsWith("*."));
            if (names.length > 0) {
                report(`wildcard names: ${names.join(", ")}`);
            }
        },
    }),
];
