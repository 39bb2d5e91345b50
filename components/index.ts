/**
 * pulumi-aws-euc: Pulumi components for AWS end-user computing and content delivery.
 *
 * Each service is a namespace: `cloudfront`, `appstream`, `workspaces`.
 */
export * as appstream from "./appstream";
export * as cloudfront from "./cloudfront";
export * as shared from "./shared";
export * as workspaces from "./workspaces";
