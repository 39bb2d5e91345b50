import type { AwsRule } from "./rule";

/** AppStream 2.0 rules of AWS's. */
export const appstreamRules: AwsRule[] = [];
