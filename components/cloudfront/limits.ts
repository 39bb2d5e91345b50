/** CloudFront's documented limits and allowed values, in one place for validation and docs. */

/** One year: the largest TTL CloudFront accepts in a cache policy or error response. */
export const MAX_TTL_SECONDS = 31_536_000;

export const ORIGIN_CONNECTION_ATTEMPTS = { min: 1, max: 3 } as const;
export const ORIGIN_CONNECTION_TIMEOUT = { min: 1, max: 10 } as const;
/** Read and keep-alive timeouts: above 60 s needs a service-quota increase. */
export const ORIGIN_READ_TIMEOUT = { min: 1, max: 180 } as const;
export const ORIGIN_KEEPALIVE_TIMEOUT = { min: 1, max: 180 } as const;

export const FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504] as const;
export const ERROR_RESPONSE_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504] as const;
/** Status codes a custom error response may send instead: 200 plus the error codes. */
export const REPLACEMENT_RESPONSE_CODES = [200, ...ERROR_RESPONSE_CODES] as const;

export const VIEWER_PROTOCOL_POLICIES = ["redirect-to-https", "https-only", "allow-all"] as const;
export const ORIGIN_PROTOCOL_POLICIES = ["https-only", "match-viewer", "http-only"] as const;
export const ORIGIN_SSL_PROTOCOLS = ["TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"] as const;
export const MINIMUM_PROTOCOL_VERSIONS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] as const;
export const PRICE_CLASSES = ["PriceClass_All", "PriceClass_200", "PriceClass_100"] as const;
export const HTTP_VERSIONS = ["http1.1", "http2", "http3", "http2and3"] as const;
export const FUNCTION_EVENT_TYPES = ["viewer-request", "viewer-response"] as const;
export const EDGE_LAMBDA_EVENT_TYPES = [
    "viewer-request",
    "viewer-response",
    "origin-request",
    "origin-response",
] as const;

/** Path patterns: at most 255 characters from CloudFront's allowed set. */
export const PATH_PATTERN = /^[A-Za-z0-9_\-.*$/~"'@:+&?]{1,255}$/;

/** HSTS shorter than a year is not accepted by browsers' preload lists nor by our policy pack. */
export const MIN_HSTS_MAX_AGE_SECONDS = 31_536_000;

export const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 } as const;
export const LOG_EXPIRATION_DAYS = { min: 1, max: 3650 } as const;
export const ALARM_EVALUATION_PERIODS = { min: 1, max: 288 } as const;
/** At least 1 s: a 0-TTL policy is a "caching disabled" policy, which cannot compress. */
export const MANIFEST_TTL = { min: 1, max: 3600 } as const;
export const SEGMENT_TTL = { min: 60, max: MAX_TTL_SECONDS } as const;

/** A Route53/CloudFront distribution can hold up to 100 alternate domain names by default. */
export const MAX_ALIASES = 100;

/**
 * Names of WAF web ACLs (wafv2 `EntityName`: `^[\w\-]+$`, 1–128) and of CloudFront cache and
 * response headers policies (letters, digits, `-`, `_`, at most 128): no dots, no spaces.
 */
export const AWS_POLICY_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** A cache policy's comment: at most 128 characters (CloudFront `CachePolicyConfig.Comment`). */
export const MAX_POLICY_COMMENT = 128;

/** ACM's default quota of names (domain name plus SANs) per certificate; adjustable up to 100. */
export const DEFAULT_CERTIFICATE_NAMES_QUOTA = 10;
/** The most names ACM accepts on one certificate, whatever the quota (acm `DomainList`, max 100). */
export const MAX_CERTIFICATE_NAMES = 100;
/** The certificate's common name (its `domainName`) is at most 64 octets (X.509 upper bound). */
export const MAX_COMMON_NAME_LENGTH = 64;

/**
 * Per-account quotas that a stack eats into (CloudFront quotas page): custom cache policies and
 * response headers policies, 20 each, not adjustable.
 */
export const CACHE_POLICIES_PER_ACCOUNT = 20;
export const RESPONSE_HEADERS_POLICIES_PER_ACCOUNT = 20;

/** Regions that host an Origin Shield (CloudFront developer guide, "Origin Shield Regions"). */
export const ORIGIN_SHIELD_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "sa-east-1",
] as const;

/** AWS managed rule groups that AWS refuses without a `managedRuleGroupConfigs` entry of their own. */
export const RULE_GROUPS_NEEDING_CONFIG = {
    AWSManagedRulesATPRuleSet: "awsManagedRulesAtpRuleSet",
    AWSManagedRulesACFPRuleSet: "awsManagedRulesAcfpRuleSet",
} as const;

/** Retention values CloudWatch Logs accepts (logs `PutRetentionPolicy`, `Days`). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
