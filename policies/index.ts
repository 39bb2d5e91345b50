// The policy pack as `pulumi preview --policy-pack ./policies` runs it.
import { PolicyPack } from "@pulumi/policy";
import { awsEucPolicies } from "./library";

new PolicyPack("aws-euc", {
    description: "Security policies for CloudFront, WAF, ACM, Route53, S3, IAM, KMS, WorkSpaces, Directory Service and AppStream 2.0.",
    policies: awsEucPolicies(),
});
