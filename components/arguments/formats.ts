import { parseArn } from "../shared/regions";

/**
 * The named formats an argument's schema may carry (`format`), each with its test and the text
 * that tells a user what is expected. Patterns are AWS's own, from the API models (botocore
 * `service-2.json`): `ds` VpcId/SubnetId/SecurityGroupId/DirectoryId, `workspaces`
 * BundleId/IpGroupId, `ec2` VPC endpoint ids, `logs` Days, `cloudfront` OriginShieldRegion.
 */
export interface ArgumentFormat {
    test(value: string): boolean;
    /** Completes "'x' must be …". */
    expected: string;
}

/** EC2 ids: a prefix and 8 or 17 lower-case hexadecimal digits. */
const ec2Id = (prefix: string) => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

/**
 * AWS Regions of the commercial, China and GovCloud partitions (2026). A region outside the list
 * (a typo such as `eu-west-99`) is refused: AWS would answer "invalid region".
 */
export const AWS_REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    "af-south-1",
    "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ca-central-1", "ca-west-1",
    "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
    "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
    "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1",
] as const;

/** CloudWatch Logs retention periods in days (API `PutRetentionPolicy`, shape `Days`). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

let timeZones: Set<string> | undefined;
/** IANA time zone names known to this Node.js (Application Auto Scaling takes IANA names), plus `UTC`. */
export function isTimeZone(value: string): boolean {
    timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
    return timeZones.has(value);
}

/**
 * An ARN of `service` whose resource starts with the right type (`key/`, `role/`). Like the API
 * models' own ARN patterns, the id after the type is not checked further.
 */
function arnOf(service: string, resource: RegExp, example: string): ArgumentFormat {
    return {
        test: (value) => {
            const arn = parseArn(value);
            return arn !== undefined && arn.service === service && /^\d{12}$/.test(arn.account) && resource.test(arn.resource);
        },
        expected: `an ARN of ${service}, e.g. '${example}'`,
    };
}

export const ARGUMENT_FORMATS: Record<string, ArgumentFormat> = {
    "vpc-id": { test: (v) => ec2Id("vpc").test(v), expected: "a VPC id: 'vpc-' and 8 or 17 hexadecimal digits, e.g. 'vpc-0a1b2c3d4e5f67890'" },
    "subnet-id": { test: (v) => ec2Id("subnet").test(v), expected: "a subnet id: 'subnet-' and 8 or 17 hexadecimal digits, e.g. 'subnet-0a1b2c3d4e5f67890'" },
    "security-group-id": { test: (v) => ec2Id("sg").test(v), expected: "a security group id: 'sg-' and 8 or 17 hexadecimal digits, e.g. 'sg-0a1b2c3d4e5f67890'" },
    "vpc-endpoint-id": { test: (v) => ec2Id("vpce").test(v), expected: "a VPC endpoint id: 'vpce-' and 8 or 17 hexadecimal digits, e.g. 'vpce-0a1b2c3d4e5f67890'" },
    "directory-id": { test: (v) => /^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/.test(v), expected: "a directory id: 'd-' and hexadecimal digits, e.g. 'd-1234567890'" },
    "workspaces-ip-group-id": { test: (v) => /^wsipg-[0-9a-z]{8,63}$/.test(v), expected: "a WorkSpaces IP group id, e.g. 'wsipg-abc12345'" },
    "workspaces-bundle-id": { test: (v) => /^wsb-[0-9a-z]{8,63}$/.test(v), expected: "a WorkSpaces bundle id, e.g. 'wsb-abc12345'" },
    "hosted-zone-id": { test: (v) => /^Z[0-9A-Z]{1,31}$/.test(v), expected: "a Route53 hosted zone id: 'Z' and up to 31 upper-case letters or digits, e.g. 'Z0123456789ABCDEFGHIJ'" },
    "aws-region": { test: (v) => (AWS_REGIONS as readonly string[]).includes(v), expected: "an AWS Region code, e.g. 'us-east-2'" },
    "iana-timezone": { test: isTimeZone, expected: "an IANA time zone name, e.g. 'Europe/Paris' or 'UTC'" },
    "kms-key-arn": arnOf("kms", /^key\/[\w-]+$/, "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    "acm-certificate-arn": arnOf("acm", /^certificate\/[\w-]+$/, "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"),
    "wafv2-web-acl-arn": arnOf("wafv2", /^(global|regional)\/webacl\/[\w-]+\/[\w-]+$/, "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/1234abcd"),
    "sns-topic-arn": arnOf("sns", /^[\w-]{1,256}(\.fifo)?$/, "arn:aws:sns:us-east-1:123456789012:alarms"),
    "iam-role-arn": arnOf("iam", /^role\/[\w+=,.@/-]+$/, "arn:aws:iam::123456789012:role/streaming"),
    "iam-saml-provider-arn": arnOf("iam", /^saml-provider\/[\w.-]+$/, "arn:aws:iam::123456789012:saml-provider/okta"),
    "cloudfront-function-arn": arnOf("cloudfront", /^function\/[\w-]+$/, "arn:aws:cloudfront::123456789012:function/rewrite"),
    "lambda-function-arn": arnOf("lambda", /^function:[\w-]+(:[\w$-]+)?$/, "arn:aws:lambda:us-east-1:123456789012:function:edge:3"),
    "appstream-image-arn": arnOf("appstream", /^image\/[\w.-]+$/, "arn:aws:appstream:eu-west-1:123456789012:image/my-image"),
    // Stack names: ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$ (AppStream API model, CreateStack Name).
    "appstream-stack-arn": arnOf("appstream", /^stack\/[a-zA-Z0-9][\w.-]{0,100}$/, "arn:aws:appstream:eu-west-1:123456789012:stack/my-stack"),
};

/** True for a CloudWatch Logs retention value. */
export const isLogRetention = (days: number) => (LOG_RETENTION_DAYS as readonly number[]).includes(days);
