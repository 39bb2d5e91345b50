import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecurityHeadersOptions } from "./distributionArgs";
import { configDigest, sharedInStack } from "./stackShared";

type SecurityHeadersConfig = aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfig;
type CorsConfig = aws.types.input.cloudfront.ResponseHeadersPolicyCorsConfig;

/** Two years, the value HSTS preload lists recommend. */
export const DEFAULT_HSTS_MAX_AGE_SECONDS = 63_072_000;

/** The security headers CloudFront adds (overriding the origin's): HSTS, nosniff, framing, referrer, CSP. */
export function securityHeadersConfig(options: SecurityHeadersOptions): SecurityHeadersConfig {
    return {
        strictTransportSecurity: {
            accessControlMaxAgeSec: options.hstsMaxAgeSeconds ?? DEFAULT_HSTS_MAX_AGE_SECONDS,
            // Opt-in: with includeSubDomains every host under the name must serve HTTPS for max-age.
            includeSubdomains: options.hstsIncludeSubdomains ?? false,
            preload: options.hstsPreload ?? false,
            override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: options.frameOption ?? "DENY", override: true },
        referrerPolicy: { referrerPolicy: options.referrerPolicy ?? "strict-origin-when-cross-origin", override: true },
        contentSecurityPolicy: options.contentSecurityPolicy
            ? { contentSecurityPolicy: options.contentSecurityPolicy, override: true }
            : undefined,
    };
}

/** CORS for browsers that fetch from `origins` with GET/HEAD/OPTIONS (media players, fonts). */
export function corsConfig(origins: string[]): CorsConfig {
    return {
        accessControlAllowCredentials: false,
        accessControlAllowHeaders: { items: ["*"] },
        accessControlAllowMethods: { items: ["GET", "HEAD", "OPTIONS"] },
        accessControlAllowOrigins: { items: origins },
        accessControlMaxAgeSec: 3000,
        originOverride: true,
    };
}

/**
 * The response headers policy with these security headers (and CORS when given), one per stack
 * and configuration: accounts hold at most 20 such policies, so every distribution of the stack
 * with the same settings reuses the one created by the first of them (its parent).
 */
export function sharedResponseHeadersPolicy(
    role: string,
    options: SecurityHeadersOptions,
    parent: pulumi.Resource,
    cors?: CorsConfig,
): aws.cloudfront.ResponseHeadersPolicy {
    const config = { securityHeadersConfig: securityHeadersConfig(options), corsConfig: cors };
    const resourceName = `aws-euc-${role}-${configDigest(config)}`;
    return sharedInStack(resourceName, () =>
        new aws.cloudfront.ResponseHeadersPolicy(
            resourceName,
            { comment: `aws-euc ${role}, shared by the distributions of this stack`, ...config },
            { parent },
        ),
    );
}
