import type { Policies } from "@pulumi/policy/policy";
import type { PolicyResource } from "@pulumi/policy/policy";
import { resourcePolicy, securityHubUrl, stackPolicy } from "./define";
import { dependsOn, peek } from "./relations";

const CERTIFICATE = "aws:acm/certificate:Certificate";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const VALIDATION = "aws:acm/certificateValidation:CertificateValidation";

/** The region a resource of the stack is created in: its own `region` input, else its provider's, when known. */
function regionOf(resource: PolicyResource): string | undefined {
    const own = peek(() => resource.props.region);
    const byProvider = peek(() => resource.provider?.props.region);
    const region = own ?? byProvider;
    return typeof region === "string" ? region : undefined;
}

/**
 * The certificates a distribution serves, with their region: from the ARN when it is known, else
 * from the certificate (or its validation) of the stack the distribution takes it from.
 * `certificates` are the stack's certificates and validations, in stack order.
 */
function certificatesOf(distribution: PolicyResource, certificates: PolicyResource[]): { label: string; region: string }[] {
    const arn = peek(() => distribution.props.viewerCertificate?.acmCertificateArn);
    if (typeof arn === "string") {
        return arn.split(":").length > 3 ? [{ label: arn, region: arn.split(":")[3] }] : [];
    }
    if (peek(() => distribution.props.viewerCertificate) === undefined) {
        return [];
    }
    return certificates
        .filter((r) => dependsOn(distribution, r, "viewerCertificate"))
        .flatMap((r) => {
            const region = regionOf(r);
            return region === undefined ? [] : [{ label: `'${r.name}'`, region }];
        });
}

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
    stackPolicy({
        name: "acm-cloudfront-certificate-region",
        description: "A certificate used by a CloudFront distribution must be in us-east-1",
        severity: "high",
        controls: {},
        remediationSteps: "Request the certificate with region 'us-east-1' (the per-resource region of @pulumi/aws 7) and use that ARN.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html",
        enforcementLevel: "mandatory",
        subject: DISTRIBUTION,
        check: (args, report) => {
            // Found once per stack, not once per distribution (that scan made the policy quadratic).
            const certificates = args.resources.filter((r) => r.type === CERTIFICATE || r.type === VALIDATION);
            for (const distribution of args.resources.filter((r) => r.type === DISTRIBUTION)) {
                for (const { label, region } of certificatesOf(distribution, certificates).filter((c) => c.region !== "us-east-1")) {
                    report(`distribution '${distribution.name}' uses certificate ${label} from ${region}; CloudFront only reads certificates in us-east-1`, distribution.urn);
                }
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
            const names = [props.domainName, ...((props.subjectAlternativeNames ?? []) as string[])].filter((n) => typeof n === "string" && n.includes("*"));
            if (names.length > 0) {
                report(`wildcard names: ${names.join(", ")}`);
            }
        },
    }),
];
