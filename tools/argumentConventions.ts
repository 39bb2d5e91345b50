/**
 * Naming conventions of the components' arguments: a property with this name (under this parent,
 * when given) carries this format everywhere, so `vpcId` is checked as a VPC id in every component
 * without repeating a tag on each interface. An explicit `@format` tag wins over a convention.
 */
export interface ArgumentConvention {
    name: string;
    parent?: string;
    format?: string;
    /** A name that is looked up: never empty. */
    minLength?: number;
    /** A list of identifiers: each listed once. */
    uniqueItems?: boolean;
}

export const ARGUMENT_CONVENTIONS: readonly ArgumentConvention[] = [
    { name: "vpcId", format: "vpc-id" },
    { name: "subnetIds", format: "subnet-id", uniqueItems: true },
    { name: "securityGroupIds", format: "security-group-id", uniqueItems: true },
    { name: "customSecurityGroupId", format: "security-group-id" },
    { name: "streamingEndpointIds", format: "vpc-endpoint-id", uniqueItems: true },
    { name: "ipGroupIds", format: "workspaces-ip-group-id", uniqueItems: true },
    { name: "originShieldRegion", format: "aws-region" },
    { name: "timezone", format: "iana-timezone" },
    { name: "retentionInDays", format: "log-retention-days" },
    { name: "existingKeyArn", format: "kms-key-arn" },
    { name: "encryptionKeyArn", format: "kms-key-arn" },
    { name: "certificateArn", format: "acm-certificate-arn" },
    { name: "webAclArn", format: "wafv2-web-acl-arn" },
    { name: "alarmTopicArn", format: "sns-topic-arn" },
    { name: "iamRoleArn", format: "iam-role-arn" },
    { name: "providerArn", format: "iam-saml-provider-arn" },
    { name: "functionArn", format: "cloudfront-function-arn" },
    { name: "lambdaArn", format: "lambda-function-arn" },
    { name: "existingId", parent: "directory", format: "directory-id" },
    { name: "directoryId", format: "directory-id" },
    { name: "hostedZoneId", format: "hosted-zone-id" },
    { name: "id", parent: "hostedZone", format: "hosted-zone-id" },
    { name: "id", parent: "bundle", format: "workspaces-bundle-id" },
    { name: "arn", parent: "image", format: "appstream-image-arn" },
    { name: "arn", parent: "stack", format: "appstream-stack-arn" },
    { name: "name", parent: "bundle", minLength: 1 },
    { name: "name", parent: "image", minLength: 1 },
    { name: "latestMatching", parent: "image", minLength: 1 },
    // A policy id of a behavior: empty would mean "no policy" to the provider, which would drop the
    // security headers (or ask for legacy cache settings) without a word.
    { name: "id", parent: "cachePolicy", minLength: 1 },
    { name: "id", parent: "originRequestPolicy", minLength: 1 },
    { name: "id", parent: "responseHeadersPolicy", minLength: 1 },
    { name: "aliases", uniqueItems: true },
    { name: "subjectAlternativeNames", uniqueItems: true },
];
