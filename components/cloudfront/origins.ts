import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { OriginArgs, OriginGroupArgs } from "./distributionArgs";

type OriginInput = aws.types.input.cloudfront.DistributionOrigin;
type OriginGroupInput = aws.types.input.cloudfront.DistributionOriginGroup;

/** Builds the distribution's `origins` input; S3 origins use the Origin Access Control `oacId`. */
export function buildOrigins(
    origins: Record<string, OriginArgs>,
    oacId: pulumi.Input<string> | undefined,
): OriginInput[] {
    return Object.entries(origins).map(([originId, origin]) => {
        const common: OriginInput = {
            originId,
            domainName: "s3" in origin ? origin.s3.bucket.bucketRegionalDomainName : origin.http.domainName,
            originPath: origin.originPath,
            connectionAttempts: origin.connectionAttempts ?? 3,
            connectionTimeout: origin.connectionTimeout ?? 10,
            customHeaders: Object.entries(origin.customHeaders ?? {}).map(([name, value]) => ({ name, value })),
            originShield: origin.originShieldRegion
                ? { enabled: true, originShieldRegion: origin.originShieldRegion }
                : undefined,
        };
        if ("s3" in origin) {
            return { ...common, originAccessControlId: oacId };
        }
        const http = origin.http;
        return {
            ...common,
            customOriginConfig: {
                originProtocolPolicy: http.protocolPolicy ?? "https-only",
                httpsPort: http.httpsPort ?? 443,
                httpPort: http.httpPort ?? 80,
                originSslProtocols: http.sslProtocols ?? ["TLSv1.2"],
                originReadTimeout: http.readTimeout ?? 30,
                originKeepaliveTimeout: http.keepaliveTimeout ?? 5,
            },
        };
    });
}

/** Builds the distribution's `originGroups` input. */
export function buildOriginGroups(groups: Record<string, OriginGroupArgs>): OriginGroupInput[] {
    return Object.entries(groups).map(([originId, group]) => ({
        originId,
        failoverCriteria: { statusCodes: group.failoverStatusCodes ?? [500, 502, 503, 504] },
        members: [{ originId: group.primary }, { originId: group.secondary }],
    }));
}

/** Keys of the S3 origins: they need the Origin Access Control and a bucket policy. */
export function s3OriginKeys(origins: Record<string, OriginArgs>): string[] {
    return Object.entries(origins)
        .filter(([, origin]) => "s3" in origin)
        .map(([key]) => key);
}
