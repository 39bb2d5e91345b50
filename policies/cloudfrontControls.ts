import type { Policies } from "@pulumi/policy/policy";
import { allowsPlainHttp, itemsOf, origins } from "./cloudfrontProps";
import { resourcePolicy, securityHubUrl } from "./define";
import { isSet } from "./relations";

const TYPES = ["aws:cloudfront/distribution:Distribution"];
/** Checkov CKV_AWS_174 accepts any TLS 1.2 or 1.3 security policy (`TLSv1.2_2018` included). */
const TLS12_OR_LATER = /^TLSv1\.[23]_\d{4}$/;

/**
 * CloudFront policies that decide exactly like a public control where the pack's own policy is
 * stricter (cloudfront-origin-https-only, cloudfront-origin-tls) or judges less
 * (cloudfront-custom-certificate, cloudfront-minimum-tls): both are kept, each says which.
 */
export const cloudfrontControlPolicies: Policies = [
    resourcePolicy({
        name: "cloudfront-origin-encrypted",
        description: "Traffic to custom origins must be encrypted: no 'http-only' origin, and no 'match-viewer' origin while a behavior allows plain HTTP",
        severity: "medium",
        controls: { securityHub: ["CloudFront.9"] },
        remediationSteps: "Set customOriginConfig.originProtocolPolicy to 'https-only' (or keep 'match-viewer' and make every behavior 'redirect-to-https' or 'https-only').",
        url: securityHubUrl("CloudFront.9"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                const policy = origin.customOriginConfig?.originProtocolPolicy;
                if (policy === "http-only") {
                    report(`custom origin '${origin.originId}' is reached over plain HTTP (originProtocolPolicy 'http-only')`);
                } else if (policy === "match-viewer" && allowsPlainHttp(props)) {
                    report(`custom origin '${origin.originId}' uses 'match-viewer' while a behavior allows plain HTTP ('allow-all'): requests reach it unencrypted`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-origin-no-sslv3",
        description: "Custom origins must not offer SSLv3",
        severity: "medium",
        controls: { securityHub: ["CloudFront.10"], checkov: ["CKV2_AWS_54"] },
        remediationSteps: "Remove SSLv3 from customOriginConfig.originSslProtocols (offer TLSv1.2 only).",
        url: securityHubUrl("CloudFront.10"),
        enforcementLevel: "mandatory",
        types: TYPES,
        check: (props, report) => {
            for (const origin of origins(props)) {
                if (itemsOf<string>(origin.customOriginConfig?.originSslProtocols).includes("SSLv3")) {
                    report(`custom origin '${origin.originId}' offers SSLv3`);
                }
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-default-certificate",
        description: "A distribution should serve its own certificate rather than the default *.cloudfront.net one",
        severity: "low",
        controls: { securityHub: ["CloudFront.7"], checkov: ["CKV2_AWS_42"] },
        remediationSteps: "Give the distribution an alternate domain name with an ACM certificate from us-east-1 (viewerCertificate.acmCertificateArn).",
        url: securityHubUrl("CloudFront.7"),
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            const cert = props.viewerCertificate ?? {};
            if (!isSet(cert, "acmCertificateArn") && !isSet(cert, "iamCertificateId")) {
                report("the distribution uses the default *.cloudfront.net certificate");
            }
        },
    }),
    resourcePolicy({
        name: "cloudfront-viewer-tls12",
        description: "Viewers must use TLS 1.2 or newer; the default *.cloudfront.net certificate still accepts TLSv1",
        severity: "medium",
        controls: { checkov: ["CKV_AWS_174"] },
        remediationSteps: "Serve your own ACM certificate and set viewerCertificate.minimumProtocolVersion to 'TLSv1.2_2021' or newer.",
        url: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        enforcementLevel: "advisory",
        types: TYPES,
        check: (props, report) => {
            const cert = props.viewerCertificate ?? {};
            if (cert.cloudfrontDefaultCertificate === true) {
                report("the default *.cloudfront.net certificate accepts TLSv1 and TLSv1.1; serve your own certificate with 'TLSv1.2_2021' or newer");
            } else if (!TLS12_OR_LATER.test(String(cert.minimumProtocolVersion ?? ""))) {
                report(`minimumProtocolVersion ${JSON.stringify(cert.minimumProtocolVersion ?? "TLSv1 (default)")} accepts TLS older than 1.2`);
            }
        },
    }),
];
