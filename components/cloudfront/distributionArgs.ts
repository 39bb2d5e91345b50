import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../shared";
import type {
    ManagedCachePolicyName,
    ManagedOriginRequestPolicyName,
    ManagedResponseHeadersPolicyName,
} from "./managedPolicies";

/** The bucket of an S3 origin: an `aws.s3.Bucket` or the three attributes the origin needs. */
export interface BucketRef {
    /** Bucket name. */
    bucket: pulumi.Input<string>;
    /** Bucket ARN, used in the bucket policy that admits the distribution. */
    arn: pulumi.Input<string>;
    /** Regional domain name (`<bucket>.s3.<region>.amazonaws.com`), the origin's domain. */
    bucketRegionalDomainName: pulumi.Input<string>;
}

/** Settings shared by every kind of origin. */
export interface OriginCommonArgs {
    /** Path prefixed to every request sent to the origin, starting with `/` and not ending with one. */
    originPath?: string;
    /**
     * Headers CloudFront adds to every request to the origin, e.g. a shared secret that the
     * origin checks. Values may be secrets.
     */
    customHeaders?: Record<string, pulumi.Input<string>>;
    /** Connection attempts, 1–3. @default 3 */
    connectionAttempts?: number;
    /** Seconds to wait for a connection, 1–10. @default 10 */
    connectionTimeout?: number;
    /**
     * Region of an Origin Shield cache in front of this origin: one of the 12 Origin Shield regions
     * (us-east-1, us-east-2, us-west-2, ap-south-1, ap-northeast-1, ap-northeast-2, ap-southeast-1,
     * ap-southeast-2, eu-central-1, eu-west-1, eu-west-2, sa-east-1), the nearest to the origin.
     * @default - no Origin Shield
     */
    originShieldRegion?: string;
}

/**
 * An S3 bucket reached through an Origin Access Control (SigV4-signed requests); the bucket
 * stays private and its policy admits only this distribution.
 */
export interface S3OriginArgs extends OriginCommonArgs {
    s3: {
        bucket: BucketRef;
        /**
         * Create the bucket policy that allows `s3:GetObject` to CloudFront for this distribution
         * only (condition `AWS:SourceArn`). Turn off when the bucket's policy is managed elsewhere
         * (a bucket has one policy: two origins on the same bucket need one shared policy).
         * @default true
         */
        createBucketPolicy?: boolean;
    };
}

/** Protocols CloudFront may use to talk to a custom origin. */
export type OriginProtocolPolicy = "https-only" | "match-viewer" | "http-only";

/** A custom HTTP(S) origin: a load balancer, an API, any web server. */
export interface HttpOriginArgs extends OriginCommonArgs {
    http: {
        /** Domain name of the origin (no scheme, no path). */
        domainName: pulumi.Input<string>;
        /**
         * How CloudFront connects to the origin. `http-only` and `match-viewer` send traffic in
         * clear text between CloudFront and the origin: an explicit, insecure opt-out.
         * @default "https-only"
         */
        protocolPolicy?: OriginProtocolPolicy;
        /** @default 443 */
        httpsPort?: number;
        /** @default 80 */
        httpPort?: number;
        /** TLS versions offered to the origin. Only TLSv1.2 is secure. @default ["TLSv1.2"] */
        sslProtocols?: ("TLSv1.2" | "TLSv1.1" | "TLSv1" | "SSLv3")[];
        /** Seconds to wait for a response, 1–180 (above 60 needs a quota increase). @default 30 */
        readTimeout?: number;
        /** Seconds to keep an idle connection, 1–180 (above 60 needs a quota increase). @default 5 */
        keepaliveTimeout?: number;
    };
}

/** An origin of the distribution. */
export type OriginArgs = S3OriginArgs | HttpOriginArgs;

/** Two origins with failover: CloudFront retries on `secondary` when `primary` answers a listed status. */
export interface OriginGroupArgs {
    /** Key of the origin tried first. */
    primary: string;
    /** Key of the origin tried when the primary fails. */
    secondary: string;
    /** Status codes that trigger failover, among 400, 403, 404, 416, 500, 502, 503, 504. @default [500, 502, 503, 504] */
    failoverStatusCodes?: number[];
}

/** A cache policy created for a behavior, with TTLs in seconds. */
export interface CustomCachePolicyArgs {
    /** Minimum TTL, 0–31536000. @default 0 */
    minTtl?: number;
    /** Default TTL when the origin sends no `Cache-Control`, between min and max. @default 86400 */
    defaultTtl?: number;
    /** Maximum TTL, at most 31536000 (one year). @default 31536000 */
    maxTtl?: number;
    /** Query strings in the cache key: none, all, or these names (at least one: `[]` is refused). @default "none" */
    queryStrings?: "none" | "all" | string[];
    /** Headers in the cache key. @default - none */
    headers?: string[];
    /** Cookies in the cache key: none, all, or these names (at least one: `[]` is refused). @default "none" */
    cookies?: "none" | "all" | string[];
}

/** The methods a behavior accepts. */
export type AllowedMethods = "GET_HEAD" | "GET_HEAD_OPTIONS" | "ALL";

/** How a behavior treats plain HTTP viewers. `allow-all` is an explicit, insecure opt-out. */
export type ViewerProtocolPolicy = "redirect-to-https" | "https-only" | "allow-all";

/** A CloudFront Function attached to a behavior. */
export interface FunctionAssociationArgs {
    eventType: "viewer-request" | "viewer-response";
    /** ARN of an `aws.cloudfront.Function`. */
    functionArn: pulumi.Input<string>;
}

/** A Lambda@Edge function attached to a behavior. */
export interface EdgeLambdaArgs {
    eventType: "viewer-request" | "viewer-response" | "origin-request" | "origin-response";
    /** Qualified (versioned) ARN of a Lambda function in us-east-1. */
    lambdaArn: pulumi.Input<string>;
    /** Expose the request body to the function (request events only). @default false */
    includeBody?: boolean;
}

/** How requests that match a behavior are served. */
export interface BehaviorArgs {
    /**
     * Key of the origin or origin group that serves the behavior.
     * @default - the only origin, when there is exactly one
     */
    origin?: string;
    /** @default "redirect-to-https" */
    viewerProtocolPolicy?: ViewerProtocolPolicy;
    /** @default "GET_HEAD" */
    allowedMethods?: AllowedMethods;
    /** Cache responses to OPTIONS too (needs `allowedMethods` with OPTIONS). @default false */
    cacheOptions?: boolean;
    /**
     * A managed cache policy by name, an existing one by id, or a policy created from TTLs.
     * @default "CachingOptimized"
     * @example { custom: { defaultTtl: 60, maxTtl: 300, queryStrings: ["v"] } }
     */
    cachePolicy?: ManagedCachePolicyName | { id: pulumi.Input<string> } | { custom: CustomCachePolicyArgs };
    /** A managed origin request policy by name or an existing one by id. @default - none */
    originRequestPolicy?: ManagedOriginRequestPolicyName | { id: pulumi.Input<string> };
    /**
     * A managed response headers policy by name or an existing one by id.
     * @default - the distribution's security-headers policy
     */
    responseHeadersPolicy?: ManagedResponseHeadersPolicyName | { id: pulumi.Input<string> };
    /** Compress responses (gzip, brotli). @default true */
    compress?: boolean;
    /** CloudFront Functions, at most one per event type (and not on an event that has a Lambda@Edge). */
    functions?: FunctionAssociationArgs[];
    /** Lambda@Edge functions, at most one per event type (and not on a viewer event that has a Function). */
    edgeLambdas?: EdgeLambdaArgs[];
}

/** A behavior for the requests whose path matches `pathPattern`, evaluated in list order. */
export interface PathBehaviorArgs extends BehaviorArgs {
    /** Path pattern such as `/api/*` or `*.jpg`; at most 255 characters of `A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + & ?`. */
    pathPattern: string;
}

/** The Route53 hosted zone holding the aliases: by id (and optionally its name) or by name. */
export type HostedZoneArgs =
    | {
          /** Hosted zone id. */
          id: pulumi.Input<string>;
          /** The zone's name; when given, every alias is checked to be inside it. */
          name?: string;
      }
    | {
          /** Name of a public hosted zone, looked up once. */
          name: string;
      };

/** TLS policies CloudFront offers viewers that are still considered secure. */
export type MinimumProtocolVersion = "TLSv1.2_2021" | "TLSv1.2_2025" | "TLSv1.3_2025";

/** An AWS managed rule group with per-rule overrides and the configuration some groups need. */
export interface ManagedRuleGroupArgs {
    /** Name of the group (vendor AWS), e.g. `AWSManagedRulesCommonRuleSet`. */
    name: string;
    /**
     * Rules of the group that only count (and log) matching requests instead of blocking them,
     * e.g. `SizeRestrictions_BODY` (bodies over 8 KB) for uploads, `NoUserAgent_HEADER` for API
     * clients that send no User-Agent.
     * @default []
     */
    countRules?: string[];
    /**
     * Configuration passed to the group as is. Required by `AWSManagedRulesATPRuleSet` (login path
     * and fields) and `AWSManagedRulesACFPRuleSet` (registration and account-creation paths).
     * @default - none
     */
    managedRuleGroupConfigs?: aws.types.input.wafv2.WebAclRuleStatementManagedRuleGroupStatementManagedRuleGroupConfig[];
}

/** Where the web ACL's logs go. */
export interface WafLoggingOptions {
    /**
     * An existing destination: a CloudWatch log group in us-east-1 whose name starts with
     * `aws-waf-logs-`, a Firehose stream or an S3 bucket (`aws-waf-logs-` prefix too).
     * @default - a log group `aws-waf-logs-<name>-…` is created in us-east-1
     */
    destinationArn?: pulumi.Input<string>;
    /** Days the created log group keeps the logs, one of CloudWatch's retention values. @default 90 */
    retentionDays?: number;
    /**
     * Headers whose values are replaced by `REDACTED` in the logs: secrets stay out of them.
     * @default ["authorization", "cookie"]
     */
    redactedHeaders?: string[];
}

/** Options of the WAFv2 web ACL that the component creates. */
export interface WafOptions {
    /**
     * An existing WAFv2 web ACL (scope CLOUDFRONT, so in us-east-1) to attach instead of creating one.
     * @default - a web ACL is created
     */
    webAclArn?: pulumi.Input<string>;
    /**
     * Requests one client IP may make in a 5-minute window before it is blocked, 10–2000000000.
     * @default 2000
     */
    rateLimit?: number;
    /**
     * AWS managed rule groups (vendor AWS) evaluated in this order, by name or with overrides.
     * When a behavior accepts every method (`allowedMethods: "ALL"`: an API, uploads), the common
     * rule set's `SizeRestrictions_BODY` and `NoUserAgent_HEADER` only count by default, since
     * they block bodies over 8 KB and clients without a User-Agent.
     * @default ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"]
     * @example ["AWSManagedRulesKnownBadInputsRuleSet", { name: "AWSManagedRulesCommonRuleSet", countRules: ["SizeRestrictions_BODY"] }]
     */
    managedRuleGroups?: (string | ManagedRuleGroupArgs)[];
    /**
     * The web ACL's request logs (Security Hub WAF.11). `false` is an explicit opt-out.
     * @default - logs to a created CloudWatch log group in us-east-1, kept 90 days, auth headers redacted
     */
    logging?: false | WafLoggingOptions;
}

/**
 * Standard logging v2: CloudFront access logs through CloudWatch Logs vended-log delivery (works
 * in opt-in regions and needs no bucket ACL), to S3, CloudWatch Logs or Firehose.
 */
export interface LogDeliveryOptions {
    /**
     * The destination: an S3 bucket ARN (`arn:aws:s3:::name`, any region), or a CloudWatch Logs
     * log group or Firehose stream ARN in us-east-1.
     */
    destinationArn: pulumi.Input<string>;
    /**
     * Format of the records. `parquet` only for S3.
     * @default "json"
     */
    outputFormat?: "json" | "w3c" | "plain" | "parquet";
    /** Record fields to deliver, e.g. `["timestamp", "c-ip", "sc-status"]`. @default - all fields */
    recordFields?: string[];
}

/** Options of the distribution's standard (access) logs. */
export interface LoggingOptions {
    /**
     * Deliver the logs with standard logging v2 instead of the legacy ACL-based S3 delivery: no
     * log bucket is created and `bucket`, `prefix`, `includeCookies`, `expirationDays` do not apply.
     * @default - legacy delivery to a created bucket
     */
    delivery?: LogDeliveryOptions;
    /**
     * An existing bucket for the logs; it must have ACLs enabled (object ownership
     * `BucketOwnerPreferred` or `ObjectWriter`). @default - a log bucket is created
     */
    bucket?: { bucket: pulumi.Input<string>; bucketDomainName: pulumi.Input<string> };
    /** Key prefix of the log files. @default "cloudfront/" */
    prefix?: string;
    /** Include cookies in the logs. @default false */
    includeCookies?: boolean;
    /** Days before the created bucket deletes a log file, 1–3650. @default 90 */
    expirationDays?: number;
}

/** Options of the security headers added to every response. */
export interface SecurityHeadersOptions {
    /** An existing response headers policy to use instead of creating one. */
    policyId?: pulumi.Input<string>;
    /** `Strict-Transport-Security` max-age, at least 31536000 (one year). @default 63072000 */
    hstsMaxAgeSeconds?: number;
    /**
     * Add `includeSubDomains` to HSTS: browsers then refuse plain HTTP on every name under each
     * alias for max-age, so set it only once all of them serve HTTPS.
     * @default false
     */
    hstsIncludeSubdomains?: boolean;
    /** Add `preload` to HSTS (needs `hstsIncludeSubdomains`, as preload lists do). @default false */
    hstsPreload?: boolean;
    /** `X-Frame-Options`. @default "DENY" */
    frameOption?: "DENY" | "SAMEORIGIN";
    /** `Referrer-Policy`. @default "strict-origin-when-cross-origin" */
    referrerPolicy?:
        | "no-referrer"
        | "no-referrer-when-downgrade"
        | "origin"
        | "origin-when-cross-origin"
        | "same-origin"
        | "strict-origin"
        | "strict-origin-when-cross-origin";
    /** `Content-Security-Policy` value. @default - no CSP header (it depends on the site) */
    contentSecurityPolicy?: string;
}

/** Optional monitoring in us-east-1, where CloudFront publishes its metrics. */
export interface MonitoringOptions {
    /** Turn on the additional real-time metrics (billed per distribution). @default false */
    additionalMetrics?: boolean;
    /** Alarm when the 5xx error rate exceeds this percentage, 0–100. @default 5 */
    error5xxRatePercent?: number;
    /** Alarm when the 4xx error rate exceeds this percentage, 0–100. @default 15 */
    error4xxRatePercent?: number;
    /** Consecutive 5-minute periods above the threshold before an alarm fires, 1–288. @default 3 */
    evaluationPeriods?: number;
    /** An existing SNS topic in us-east-1 notified by the alarms. */
    alarmTopicArn?: pulumi.Input<string>;
    /**
     * Create an SNS topic in us-east-1 for the alarms; it needs `alarmEmails` (or subscribe to
     * it yourself), or the alarms notify nobody.
     * @default false
     */
    createAlarmTopic?: boolean;
    /**
     * Email addresses subscribed to the created topic (each must confirm the subscription mail).
     * @default []
     */
    alarmEmails?: string[];
    /** Create a CloudWatch dashboard (us-east-1) of requests, errors, bytes and WAF blocks. @default true */
    dashboard?: boolean;
}

/**
 * HLS/DASH media delivery over HTTPS, the replacement for the discontinued RTMP distributions:
 * behaviors for manifests (short TTL) and segments (long TTL) with CORS for web players.
 */
export interface MediaStreamingOptions {
    /** Key of the origin that holds the media. */
    origin: string;
    /** TTL of `*.m3u8` and `*.mpd` manifests in seconds, 1–3600 (live manifests change often). @default 2 */
    manifestTtl?: number;
    /** TTL of `*.ts`, `*.m4s`, `*.mp4` and `*.vtt` segments in seconds, 60–31536000. @default 86400 */
    segmentTtl?: number;
    /** Origins allowed by CORS, e.g. `https://player.example.com`. @default ["*"] */
    corsAllowOrigins?: string[];
}

/** A response served for an origin error. */
export interface ErrorResponseArgs {
    /** The origin's 4xx/5xx status code, e.g. 404. */
    errorCode: number;
    /** The status code sent to the viewer instead (e.g. 200 for single-page apps). */
    responseCode?: number;
    /** Page served instead, a path starting with `/`. */
    responsePagePath?: string;
    /** Seconds CloudFront caches the error, 0–31536000. @default 10 */
    cachingMinTtl?: number;
}

/** Arguments of {@link Distribution}. */
export interface DistributionArgs {
    /**
     * Only `web` exists: AWS discontinued RTMP distributions on 2020-12-31 (use `mediaStreaming`).
     * @default "web"
     */
    distributionType?: "web" | "rtmp";
    /**
     * The origins, keyed by a name you choose; behaviors refer to an origin by its key.
     * @example { site: { s3: { bucket } }, api: { http: { domainName: "api.example.com" } } }
     */
    origins: Record<string, OriginArgs>;
    /** Origin groups (failover pairs), keyed like origins and usable wherever an origin key is. */
    originGroups?: Record<string, OriginGroupArgs>;
    /** The behavior for requests that match no path pattern. @default - CachingOptimized on the only origin */
    defaultBehavior?: BehaviorArgs;
    /** Path-pattern behaviors, evaluated in this order before the default one. */
    behaviors?: PathBehaviorArgs[];
    /** Adds HLS/DASH behaviors (and their cache and CORS policies) after `behaviors`. */
    mediaStreaming?: MediaStreamingOptions;
    /**
     * Alternate domain names served by the distribution (lowercase; `*.` wildcards allowed).
     * Leave out for none. @minItems 1
     */
    aliases?: string[];
    /**
     * The Route53 zone of the aliases: A and AAAA alias records are created for every alias and,
     * unless `certificateArn` is given, a DNS-validated certificate.
     */
    hostedZone?: HostedZoneArgs;
    /**
     * The aliases' DNS is outside Route53: a certificate is created (unless `certificateArn`), and
     * the records to create at your DNS provider are in the `dnsRecords` output (validation CNAMEs,
     * and each alias's CNAME, or ALIAS/ANAME at the apex, to the distribution's domain name). The
     * distribution waits for validation, up to `certificateValidationTimeout`.
     * @default false
     */
    externalDns?: boolean;
    /**
     * The account's ACM quota of names per certificate: a created certificate holds every alias,
     * and ACM allows 10 by default. Raise the quota (up to 100) before raising this.
     * @default 10
     */
    certificateMaxNames?: number;
    /** An existing ACM certificate; it must be in us-east-1. @default - created when aliases and a hosted zone are given */
    certificateArn?: pulumi.Input<string>;
    /** How long to wait for DNS validation of a created certificate, e.g. `45m`, `2h`. @default "45m" */
    certificateValidationTimeout?: string;
    /** Minimum TLS policy for viewers (with a custom certificate). @default "TLSv1.2_2021" */
    minimumProtocolVersion?: MinimumProtocolVersion;
    /**
     * `sni-only`, or `vip` for dedicated IPs for very old clients (billed monthly).
     * @default "sni-only"
     */
    sslSupportMethod?: "sni-only" | "vip";
    /** Serve or block countries (ISO 3166-1 alpha-2 codes). @default - no restriction */
    geoRestriction?: { type: "allowlist" | "denylist"; countries: string[] };
    /** @default "PriceClass_All" */
    priceClass?: "PriceClass_All" | "PriceClass_200" | "PriceClass_100";
    /** @default "http2and3" */
    httpVersion?: "http1.1" | "http2" | "http3" | "http2and3";
    /** Answer over IPv6 too (and create AAAA records). @default true */
    ipv6?: boolean;
    /**
     * Object returned for `/`, without a leading slash.
     * @default "index.html" when the default behavior goes to an S3 origin (or a group whose primary is one), else none
     */
    defaultRootObject?: string;
    /** Responses served instead of origin errors. */
    errorResponses?: ErrorResponseArgs[];
    /**
     * Security headers on every response. `"managed"` uses AWS's managed `SecurityHeadersPolicy`
     * (no policy created: HSTS one year, nosniff, frame SAMEORIGIN, XSS protection, referrer policy).
     * `false` is an explicit opt-out.
     * @default - a response headers policy with HSTS (2 years), nosniff, frame DENY and a referrer policy, one per stack shared by every distribution with the same settings (accounts hold 20)
     */
    securityHeaders?: false | "managed" | SecurityHeadersOptions;
    /**
     * The WAFv2 web ACL in front of the distribution. `false` is an explicit opt-out.
     * @default - a web ACL with AWS common, known-bad-inputs and IP-reputation rules and a rate limit, logging to CloudWatch Logs
     */
    waf?: false | WafOptions;
    /**
     * Standard access logs. `false` is an explicit opt-out.
     * @default - logs to a created, private, encrypted, expiring bucket, retained (with its settings) when the stack is destroyed
     */
    logging?: false | LoggingOptions;
    /** Alarms and additional metrics. @default - none */
    monitoring?: MonitoringOptions;
    /** @default true */
    enabled?: boolean;
    /** Wait until the distribution is deployed before the update completes. @default true */
    waitForDeployment?: boolean;
    /** Description shown in the console. */
    comment?: string;
    /** Tags for every taggable child resource. */
    tags?: Tags;
}
