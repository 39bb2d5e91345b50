import * as aws from "@pulumi/aws";

const site = new aws.s3.Bucket("site");
const website = new aws.s3.BucketWebsiteConfiguration("site", { bucket: site.id, indexDocument: { suffix: "index.html" } });

// ACLs disabled (BucketOwnerEnforced): CloudFront's legacy log delivery, which writes with an ACL, fails.
const logs = new aws.s3.Bucket("logs");
new aws.s3.BucketOwnershipControls("logs", { bucket: logs.id, rule: { objectOwnership: "BucketOwnerEnforced" } });

new aws.cloudfront.Distribution("cdn", {
    enabled: true,
    origins: [{
        originId: "website",
        domainName: website.websiteEndpoint,
        customOriginConfig: { originProtocolPolicy: "http-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] },
    }],
    defaultCacheBehavior: { targetOriginId: "website", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"], cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6" },
    loggingConfig: { bucket: logs.bucketDomainName, prefix: "cdn/" },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
});
