/**
 * CloudFront is a global service whose control plane lives in us-east-1: the ACM certificates it
 * serves, WAF web ACLs of scope CLOUDFRONT, its CloudWatch metrics and Lambda@Edge functions must
 * all be there. Every such resource sets `region` from this one constant.
 */
export const CLOUDFRONT_REGION = "us-east-1";

/** The Route53 hosted zone id that every CloudFront distribution's alias records point at. */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

/** The parts of an Amazon Resource Name. */
export interface ParsedArn {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

/** Splits an ARN into its parts, or returns `undefined` when the text is not an ARN. */
export function parseArn(arn: string): ParsedArn | undefined {
    const match = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/.exec(arn);
    if (!match) {
        return undefined;
    }
    const [, partition, service, region, account, resource] = match;
    return { partition, service, region, account: account ?? "", resource };
}
