import type { AwsRule } from "./rule";

/** CloudFront, ACM, WAF and Route53 rules of AWS's. */
export const cloudfrontRules: AwsRule[] = [];
