import type { AwsRule } from "./rule";

/** WorkSpaces, Directory Service and KMS rules of AWS's. */
export const workspacesRules: AwsRule[] = [];
