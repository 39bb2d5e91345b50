import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isPlain, parseArn, show, Tags, callerOf, partitionOf, regionOf } from "../shared";
import { checkArguments } from "../arguments";

export const ENCRYPTION_KEY_TYPE = "aws-euc:workspaces:EncryptionKey";

/** Arguments of {@link EncryptionKey}. */
export interface EncryptionKeyArgs {
    /** Alias, without `alias/`. @default "workspaces-<name>" */
    alias?: string;
    /** Days before a scheduled deletion happens, 7–30. @default 30 */
    deletionWindowInDays?: number;
    /**
     * Keep the key when the stack is destroyed: workspaces encrypted with it are unreadable
     * without it. Set to false only for throw-away stacks. @default true
     */
    retainOnDelete?: boolean;
    tags?: Tags;
}

/**
 * The key policy: the account administers the key (so it never becomes unmanageable); principals
 * of this account may use it only through WorkSpaces and EC2 (EBS) in this region; grants only
 * for AWS resources. Nothing broader.
 */
export function workspacesKeyPolicy(account: string, region: string, partition = "aws"): object {
    const viaServices = [`workspaces.${region}.amazonaws.com`, `ec2.${region}.amazonaws.com`];
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdministersKey",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${account}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "UseThroughWorkSpacesAndEbs",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": account, "kms:ViaService": viaServices } },
            },
            {
                Sid: "GrantsForAwsResourcesOnly",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
                Resource: "*",
                Condition: {
                    StringEquals: { "kms:CallerAccount": account, "kms:ViaService": viaServices },
                    Bool: { "kms:GrantIsForAWSResource": "true" },
                },
            },
        ],
    };
}

/**
 * A customer-managed KMS key for WorkSpaces volumes: rotation on, 30-day deletion window, an
 * alias, and a key policy limited to WorkSpaces and EBS in this account and region (any region:
 * nothing is hard-coded). Retained when the stack is destroyed.
 */
export class EncryptionKey extends pulumi.ComponentResource {
    public readonly arn: pulumi.Output<string>;
    public readonly keyId: pulumi.Output<string>;
    public readonly key: aws.kms.Key;
    public readonly alias: aws.kms.Alias;

    constructor(name: string, args: EncryptionKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(ENCRYPTION_KEY_TYPE, name, {}, opts);
        checkArguments(ENCRYPTION_KEY_TYPE, name, args);
        const problems = new ArgumentProblems(ENCRYPTION_KEY_TYPE, name);
        validateEncryptionKeyArgs(args, problems);
        problems.throwIfAny();

        const caller = callerOf(this);
        const region = regionOf(this);
        const partition = partitionOf(this).partition;
        this.key = new aws.kms.Key(
            childName(name, "key"),
            {
                description: `WorkSpaces volumes (${name})`,
                enableKeyRotation: true,
                deletionWindowInDays: args.deletionWindowInDays ?? 30,
                policy: pulumi.all([caller.accountId, region, partition]).apply(([account, r, p]) => JSON.stringify(workspacesKeyPolicy(account, r, p))),
                tags: componentTags(ENCRYPTION_KEY_TYPE, args.tags),
            },
            { parent: this, retainOnDelete: args.retainOnDelete ?? true },
        );
        this.alias = new aws.kms.Alias(childName(name, "alias"), { name: `alias/${args.alias ?? `workspaces-${name}`}`, targetKeyId: this.key.keyId }, { parent: this });
        this.arn = this.key.arn;
        this.keyId = this.key.keyId;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId });
    }
}

/** Checks the arguments of {@link EncryptionKey}. */
export function validateEncryptionKeyArgs(args: EncryptionKeyArgs, problems: ArgumentProblems): void {
    problems.requireRange(args.deletionWindowInDays, { min: 7, max: 30 }, "deletionWindowInDays", " days");
    if (args.alias !== undefined) {
        problems.require(/^(?!aws\/)[A-Za-z0-9/_-]{1,250}$/.test(args.alias), "alias", `${show(args.alias)} must be letters, digits, '/', '_' or '-' and not start with 'aws/'`);
    }
}

/** Checks an existing key's ARN: a KMS key, in the stack's region when that is known. */
export function validateKeyArn(arn: pulumi.Input<string> | undefined, path: string, problems: ArgumentProblems): void {
    if (!isPlain(arn)) {
        return;
    }
    const parsed = parseArn(arn);
    if (!problems.require(parsed?.service === "kms" && /^(key|alias)\//.test(parsed.resource), path, `${show(arn)} is not a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)`)) {
        return;
    }
    const region = new pulumi.Config("aws").get("region");
    if (region) {
        problems.require(
            parsed!.region === region,
            path,
            `${show(arn)} is in region ${show(parsed!.region)} but the stack deploys to ${show(region)}; WorkSpaces needs a key in its own region`,
        );
    }
}
