/**
 * pulumi-aws-euc: Pulumi components for AWS end-user computing and content delivery.
 *
 * Each service is a namespace: `cloudfront` today; `appstream` and `workspaces` follow.
 */
export * as cloudfront from "./cloudfront";
export * as shared from "./shared";
