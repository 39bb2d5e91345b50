import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../shared";
import type { BuiltBehaviors } from "./behaviors";
import type { DistributionArgs } from "./distributionArgs";
import { buildOriginGroups, buildOrigins } from "./origins";

/** What the distribution's inputs need from the resources made before it. */
export interface DistributionParts {
    behaviors: Pick<BuiltBehaviors, "defaultBehavior" | "orderedBehaviors">;
    originAccessControlId?: pulumi.Input<string>;
    certificateArn?: pulumi.Input<string>;
    webAclArn?: pulumi.Input<string>;
    logBucketDomainName?: pulumi.Input<string>;
    /** The default behavior's requests go to S3 (which answers `/` with an error, not a page). */
    defaultTargetIsS3: boolean;
    tags: Tags;
}

/** The arguments of the `aws.cloudfront.Distribution`, with every default filled in. */
export function distributionInputs(name: string, args: DistributionArgs, parts: DistributionParts): aws.cloudfront.DistributionArgs {
    const logging = args.logging || {};
    return {
        enabled: args.enabled ?? true,
        comment: args.comment ?? name,
        aliases: args.aliases ?? [],
        origins: buildOrigins(args.origins, parts.originAccessControlId),
        originGroups: buildOriginGroups(args.originGroups ?? {}),
        defaultCacheBehavior: parts.behaviors.defaultBehavior,
        orderedCacheBehaviors: parts.behaviors.orderedBehaviors,
        // S3 would otherwise answer `/` with an error; an application behind the default behavior
        // (a load balancer, an API) answers `/` itself.
        defaultRootObject: args.defaultRootObject ?? (parts.defaultTargetIsS3 ? "index.html" : undefined),
        customErrorResponses: (args.errorResponses ?? []).map((r) => ({
            errorCode: r.errorCode,
            responseCode: r.responseCode,
            responsePagePath: r.responsePagePath,
            errorCachingMinTtl: r.cachingMinTtl ?? 10,
        })),
        priceClass: args.priceClass ?? "PriceClass_All",
        httpVersion: args.httpVersion ?? "http2and3",
        isIpv6Enabled: args.ipv6 ?? true,
        restrictions: {
            geoRestriction: args.geoRestriction
                ? {
                      restrictionType: args.geoRestriction.type === "allowlist" ? "whitelist" : "blacklist",
                      locations: args.geoRestriction.countries,
                  }
                : { restrictionType: "none", locations: [] },
        },
        viewerCertificate: parts.certificateArn
            ? {
                  acmCertificateArn: parts.certificateArn,
                  sslSupportMethod: args.sslSupportMethod ?? "sni-only",
                  minimumProtocolVersion: args.minimumProtocolVersion ?? "TLSv1.2_2021",
              }
            : { cloudfrontDefaultCertificate: true },
        webAclId: parts.webAclArn,
        loggingConfig: parts.logBucketDomainName
            ? {
                  bucket: parts.logBucketDomainName,
                  prefix: logging.prefix ?? "cloudfront/",
                  includeCookies: logging.includeCookies ?? false,
              }
            : undefined,
        waitForDeployment: args.waitForDeployment ?? true,
        tags: parts.tags,
    };
}

/** The URL people visit: the first non-wildcard alias, else the CloudFront domain name. */
export function siteUrl(aliases: readonly string[], domainName: pulumi.Output<string>): pulumi.Output<string> {
    const served = aliases.find((alias) => !alias.startsWith("*."));
    return served ? pulumi.output(`https://${served}`) : pulumi.interpolate`https://${domainName}`;
}
