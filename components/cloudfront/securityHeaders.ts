import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { SecurityHeadersOptions } from "./distributionArgs";

type SecurityHeadersConfig = aws.types.input.cloudfront.ResponseHeadersPolicySecurityHeadersConfig;
type CorsConfig = aws.types.input.cloudfront.ResponseHeadersPolicyCorsConfig;

/** Two years, the value HSTS preload lists recommend. */
export const DEFAULT_HSTS_MAX_AGE_SECONDS = 63_072_000;

/** The security headers CloudFront adds (overriding the origin's): HSTS, nosniff, framing, referrer, CSP. */
export function securityHeadersConfig(options: SecurityHeadersOptions): SecurityHeadersConfig {
    return {
        strictTransportSecurity: {
            accessControlMaxAgeSec: options.hstsMaxAgeSeconds ?? DEFAULT_HSTS_MAX_AGE_SECONDS,
            includeSubdomains: true,
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

/** Creates a response headers policy with the security headers, and CORS when given. */
export function createResponseHeadersPolicy(
    resourceName: string,
    options: SecurityHeadersOptions,
    comment: string,
    parent: pulumi.Resource,
    cors?: CorsConfig,
): aws.cloudfront.ResponseHeadersPolicy {
    return new aws.cloudfront.ResponseHeadersPolicy(
        resourceName,
        { comment, securityHeadersConfig: securityHeadersConfig(options), corsConfig: cors },
        { parent },
    );
}
