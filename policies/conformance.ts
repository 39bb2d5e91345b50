/**
 * How the pack's policies relate to public controls they do not claim. A policy that names a
 * control in its `controls` decides like that control (tests/policies/conformance holds a pass and
 * a fail fixture per documented condition). Where the pack is intentionally stricter, or judges
 * only part of what a control judges, the policy does not claim the control and is listed here.
 */
export interface ControlRelation {
    relation: "stricter" | "narrower" | "differs";
    controls: string[];
    /** One clause: what differs. */
    why: string;
}

export const UNCLAIMED_CONTROLS: Readonly<Record<string, ControlRelation>> = {
    "cloudfront-origin-https-only": { relation: "stricter", controls: ["CloudFront.9", "CKV2_AWS_72"], why: "refuses 'match-viewer' even when no behavior allows HTTP, and exempts no ELB or MediaPackage origin" },
    "cloudfront-origin-tls": { relation: "stricter", controls: ["CloudFront.10", "CKV2_AWS_54"], why: "refuses TLSv1 and TLSv1.1 as well as SSLv3" },
    "cloudfront-s3-origin-access-control": { relation: "stricter", controls: ["CKV2_AWS_46"], why: "refuses a legacy origin access identity, which Checkov accepts" },
    "cloudfront-response-headers-policy": { relation: "stricter", controls: ["CKV2_AWS_32"], why: "asks for a policy on every behavior, not one anywhere" },
    "cloudfront-lambda-url-auth": { relation: "stricter", controls: ["CloudFront.16"], why: "an auth type NONE URL is public even behind an Origin Access Control" },
    "cloudfront-default-root-object": { relation: "narrower", controls: ["CKV_AWS_305"], why: "judges distributions with S3 origins only, as CloudFront.1 does" },
    "cloudfront-hsts": { relation: "narrower", controls: ["CKV_AWS_259"], why: "checks max-age only, not includeSubdomains, preload and override" },
    "cloudfront-custom-certificate": { relation: "narrower", controls: ["CloudFront.7", "CKV2_AWS_42"], why: "judges distributions with aliases only (cloudfront-default-certificate claims the controls)" },
    "cloudfront-minimum-tls": { relation: "differs", controls: ["CKV_AWS_174"], why: "refuses TLSv1.2_2018 and TLSv1.2_2019 but, like CloudFront.15, skips the default certificate and dedicated IPs (cloudfront-viewer-tls12 claims CKV_AWS_174)" },
    "waf-known-bad-inputs": { relation: "narrower", controls: ["CKV2_AWS_47"], why: "does not also require AWSManagedRulesAnonymousIpList" },
    "route53-cloudfront-alias-target": { relation: "stricter", controls: ["CKV2_AWS_23"], why: "asks for the CloudFront zone and a distribution that lists the name, not any attached resource" },
    "kms-key-rotation": { relation: "narrower", controls: ["CKV_AWS_7"], why: "skips HMAC keys, which cannot rotate automatically" },
    "directoryservice-radius-mfa": { relation: "stricter", controls: ["directoryservice_supported_mfa_radius_enabled"], why: "asks for RADIUS on every directory WorkSpaces uses; Prowler judges only directories that have RADIUS" },
    "directoryservice-log-forwarding": { relation: "narrower", controls: ["directoryservice_directory_log_forwarding_enabled"], why: "judges Managed AD only, the one type that can forward logs" },
};

/** The README's "matches control / stricter" cell of a policy. */
export function conformanceText(name: string, claimed: string[]): string {
    const unclaimed = UNCLAIMED_CONTROLS[name];
    const parts = [
        claimed.length > 0 ? "matches" : "",
        unclaimed ? `${unclaimed.relation} ${unclaimed.relation === "differs" ? "from" : "than"} ${unclaimed.controls.join(", ")}: ${unclaimed.why}` : "",
    ].filter(Boolean);
    return parts.join("; ") || "–";
}
