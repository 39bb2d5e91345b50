import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { sharedCachePolicy } from "./cachePolicies";
import type { MediaStreamingOptions, PathBehaviorArgs, SecurityHeadersOptions } from "./distributionArgs";
import { corsConfig, sharedResponseHeadersPolicy } from "./securityHeaders";

/** HLS (`.m3u8`) and DASH (`.mpd`) manifests: refreshed often for live streams. */
export const MANIFEST_PATH_PATTERNS = ["*.m3u8", "*.mpd"] as const;
/** Media segments and subtitles: immutable once written, cached long. */
export const SEGMENT_PATH_PATTERNS = ["*.ts", "*.m4s", "*.mp4", "*.vtt"] as const;
export const MEDIA_PATH_PATTERNS: readonly string[] = [...MANIFEST_PATH_PATTERNS, ...SEGMENT_PATH_PATTERNS];

export const DEFAULT_MANIFEST_TTL = 2;
export const DEFAULT_SEGMENT_TTL = 86_400;

/** The policies and behaviors of the media-streaming preset. */
export interface MediaStreaming {
    manifestCachePolicy: aws.cloudfront.CachePolicy;
    segmentCachePolicy: aws.cloudfront.CachePolicy;
    headersPolicy: aws.cloudfront.ResponseHeadersPolicy;
    behaviors: PathBehaviorArgs[];
}

/**
 * The HTTP replacement for RTMP: one short-TTL cache policy for manifests, one long-TTL policy
 * for segments (both shared by their behaviors, since accounts hold few custom policies), and a
 * response headers policy with CORS for web players plus the same security headers as the site.
 */
export function createMediaStreaming(
    options: MediaStreamingOptions,
    securityHeaders: SecurityHeadersOptions,
    originRequestPolicy: "CORS-S3Origin" | "CORS-CustomOrigin",
    parent: pulumi.Resource,
): MediaStreaming {
    const manifestTtl = options.manifestTtl ?? DEFAULT_MANIFEST_TTL;
    const segmentTtl = options.segmentTtl ?? DEFAULT_SEGMENT_TTL;
    // Shared within the stack: every streaming distribution with the same TTLs and CORS origins
    // uses the same three policies, out of the account's 20 of each kind.
    const manifestCachePolicy = sharedCachePolicy("media-manifests", { minTtl: 0, defaultTtl: manifestTtl, maxTtl: manifestTtl }, parent);
    const segmentCachePolicy = sharedCachePolicy("media-segments", { minTtl: 0, defaultTtl: segmentTtl, maxTtl: Math.max(segmentTtl, 31_536_000) }, parent);
    const headersPolicy = sharedResponseHeadersPolicy("media-headers", securityHeaders, parent, corsConfig(options.corsAllowOrigins ?? ["*"]));
    const behavior = (pathPattern: string, cachePolicy: aws.cloudfront.CachePolicy): PathBehaviorArgs => ({
        pathPattern,
        origin: options.origin,
        allowedMethods: "GET_HEAD_OPTIONS",
        cacheOptions: true,
        cachePolicy: { id: cachePolicy.id },
        originRequestPolicy,
        responseHeadersPolicy: { id: headersPolicy.id },
    });
    return {
        manifestCachePolicy,
        segmentCachePolicy,
        headersPolicy,
        behaviors: [
            ...MANIFEST_PATH_PATTERNS.map((p) => behavior(p, manifestCachePolicy)),
            ...SEGMENT_PATH_PATTERNS.map((p) => behavior(p, segmentCachePolicy)),
        ],
    };
}
