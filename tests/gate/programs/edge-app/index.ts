import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const role = new aws.iam.Role("server", {
    assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});
// A Resource object as an input (not its name): the engine sends it as a reference.
new aws.iam.RolePolicy("server-logs", {
    role: role,
    policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:*", Resource: "*" }] }),
});
const server = new aws.lambda.Function("server", {
    role: role.arn,
    runtime: aws.lambda.Runtime.NodeJS20dX,
    handler: "index.handler",
    code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("exports.handler = async () => ({ statusCode: 200 });") }),
});
const url = new aws.lambda.FunctionUrl("server", { functionName: server.name, authorizationType: "NONE" });

const distribution = new aws.cloudfront.Distribution("cdn", {
    enabled: true,
    origins: [{
        originId: "server",
        domainName: url.functionUrl.apply((u) => new URL(u).host),
        customOriginConfig: { originProtocolPolicy: "https-only", httpPort: 80, httpsPort: 443, originSslProtocols: ["TLSv1.2"] },
    }],
    defaultCacheBehavior: {
        targetOriginId: "server",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    },
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { cloudfrontDefaultCertificate: true },
});

export const domainName = distribution.domainName;
export const functionUrl = url.functionUrl;
