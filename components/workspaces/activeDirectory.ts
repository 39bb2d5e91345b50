import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { childName, Tags } from "../shared";
import type { DirectoryNetworkArgs, NewDirectoryArgs, RadiusArgs } from "./directoryArgs";

/** What creating a directory made. */
export interface ActiveDirectory {
    directory: aws.directoryservice.Directory;
    /** The generated Administrator password, when none was given. */
    password?: random.RandomPassword;
}

/** The NetBIOS name: given, or the first label of the domain, upper-cased (at most 15 characters). */
export function shortNameOf(args: NewDirectoryArgs): string {
    return args.shortName ?? args.name.split(".")[0].toUpperCase().slice(0, 15);
}

/**
 * An AWS Directory Service directory in the two subnets. SimpleAD and MicrosoftAD get a generated
 * Administrator password (a secret) unless one is given; an AD Connector signs in with the
 * service account. Retained on delete by default: it holds the users.
 */
export function createActiveDirectory(
    name: string,
    args: NewDirectoryArgs,
    network: DirectoryNetworkArgs,
    retainOnDelete: boolean,
    tags: Tags,
    parent: pulumi.Resource,
): ActiveDirectory {
    const password =
        args.type !== "ADConnector" && args.adminPassword === undefined
            ? new random.RandomPassword(
                  childName(name, "admin-password"),
                  // Directory Service wants 8–64 characters from at least three classes; all four here.
                  { length: 24, minUpper: 2, minLower: 2, minNumeric: 2, minSpecial: 2, overrideSpecial: "!#%*()-_=+[]{}:?" },
                  // A new spec would make a new password, and a new password a new directory (see below).
                  { parent, ignoreChanges: ["length", "minUpper", "minLower", "minNumeric", "minSpecial", "overrideSpecial"] },
              )
            : undefined;
    const secret = args.type === "ADConnector" ? args.serviceAccount!.password : (password?.result ?? args.adminPassword!);
    const directory = new aws.directoryservice.Directory(
        childName(name, "directory"),
        {
            type: args.type,
            name: args.name,
            shortName: shortNameOf(args),
            password: pulumi.secret(secret),
            size: args.type === "MicrosoftAD" ? undefined : (args.size ?? "Small"),
            edition: args.type === "MicrosoftAD" ? (args.edition ?? "Standard") : undefined,
            enableDirectoryDataAccess: args.type === "MicrosoftAD" ? (args.enableDirectoryDataAccess ?? false) : undefined,
            vpcSettings: args.type === "ADConnector" ? undefined : { vpcId: network.vpcId, subnetIds: network.subnetIds },
            connectSettings:
                args.type === "ADConnector"
                    ? { vpcId: network.vpcId, subnetIds: network.subnetIds, customerDnsIps: args.dnsIps!, customerUsername: args.serviceAccount!.userName }
                    : undefined,
            description: `WorkSpaces directory of ${name}`,
            tags,
        },
        // The provider replaces a directory whose password changes (ForceNew): a retained directory would be
        // orphaned with every user in it. The password is set at creation; later ones are ignored.
        { parent, retainOnDelete, additionalSecretOutputs: ["password"], ignoreChanges: ["password"] },
    );
    return { directory, password };
}

/** RADIUS MFA settings of a directory; the shared secret stays secret. */
export function createRadius(name: string, directoryId: pulumi.Input<string>, radius: RadiusArgs, parent: pulumi.Resource): aws.directoryservice.RadiusSettings {
    return new aws.directoryservice.RadiusSettings(
        childName(name, "radius"),
        {
            directoryId,
            radiusServers: radius.servers,
            radiusPort: radius.port ?? 1812,
            sharedSecret: pulumi.secret(radius.sharedSecret),
            authenticationProtocol: radius.protocol ?? "MS-CHAPv2",
            displayLabel: radius.displayLabel ?? "MFA",
            radiusTimeout: radius.timeout ?? 10,
            radiusRetries: radius.retries ?? 3,
            useSameUsername: radius.useSameUsername ?? true,
        },
        { parent },
    );
}

/** The log group Directory Service may write to, and the subscription that forwards the logs. */
export function createLogForwarding(
    name: string,
    directoryId: pulumi.Output<string>,
    retentionInDays: number,
    tags: Tags,
    parent: pulumi.Resource,
): { logGroup: aws.cloudwatch.LogGroup; policy: aws.cloudwatch.LogResourcePolicy; subscription: aws.directoryservice.LogSubscription } {
    const logGroup = new aws.cloudwatch.LogGroup(
        childName(name, "directory-logs"),
        { name: pulumi.interpolate`/aws/directoryservice/${directoryId}`, retentionInDays, tags },
        { parent, retainOnDelete: true },
    );
    const policy = new aws.cloudwatch.LogResourcePolicy(
        childName(name, "directory-logs-policy"),
        {
            policyName: pulumi.interpolate`directoryservice-${directoryId}`,
            policyDocument: logGroup.arn.apply((arn) =>
                JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "ds.amazonaws.com" }, Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${arn}:*` }],
                }),
            ),
        },
        { parent },
    );
    const subscription = new aws.directoryservice.LogSubscription(
        childName(name, "directory-log-subscription"),
        { directoryId, logGroupName: logGroup.name },
        { parent, dependsOn: [policy] },
    );
    return { logGroup, policy, subscription };
}
