import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, Tags, partitionOf, regionOf } from "../shared";
import type { DirectoryArgs } from "./directoryArgs";
import { DEFAULT_DEVICE_ACCESS, DEFAULT_ROLE_NAME, DEFAULT_ROLE_POLICIES, DEVICE_TYPES, DeviceType, SELF_SERVICE_PERMISSIONS } from "./limits";

/** `selfServicePermissions`: restart only unless told otherwise; every action stated explicitly. */
export function selfServiceInput(args: DirectoryArgs["selfService"] = {}): Record<string, boolean> {
    return Object.fromEntries(SELF_SERVICE_PERMISSIONS.map((p) => [p, args[p] ?? p === "restartWorkspace"]));
}

/** `workspaceAccessProperties`: every device type ALLOW or DENY. */
export function deviceAccessInput(args: DirectoryArgs["deviceAccess"] = {}): Record<string, string> {
    return Object.fromEntries(
        (Object.keys(DEVICE_TYPES) as DeviceType[]).map((device) => [DEVICE_TYPES[device], (args[device] ?? DEFAULT_DEVICE_ACCESS[device]) ? "ALLOW" : "DENY"]),
    );
}

/** `workspaceCreationProperties` with secure defaults. */
export function creationInput(args: DirectoryArgs["creation"] = {}) {
    return {
        userEnabledAsLocalAdministrator: args.localAdministrator ?? false,
        enableInternetAccess: args.internetAccess ?? false,
        enableMaintenanceMode: args.maintenanceMode ?? true,
        customSecurityGroupId: args.customSecurityGroupId,
        defaultOu: args.defaultOu,
    };
}

/**
 * The `workspaces_DefaultRole` role with its two AWS managed policies (attached as separate
 * resources: `managedPolicyArns` is deprecated), in the stack's partition.
 */
export function createDefaultRole(name: string, parent: pulumi.Resource): { role: aws.iam.Role; attachments: aws.iam.RolePolicyAttachment[] } {
    const partition = partitionOf(parent).partition;
    const role = new aws.iam.Role(
        childName(name, "default-role"),
        {
            name: DEFAULT_ROLE_NAME,
            description: "Lets Amazon WorkSpaces manage network interfaces and self-service actions",
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "workspaces.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
        },
        { parent },
    );
    const attachments = DEFAULT_ROLE_POLICIES.map(
        (policy) => new aws.iam.RolePolicyAttachment(childName(name, "default-role", policy), { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/${policy}` }, { parent }),
    );
    return { role, attachments };
}

/**
 * Stops the deployment with a message saying how to get `workspaces_DefaultRole` when the account
 * does not have it (RegisterWorkspaceDirectory would fail with WorkspacesDefaultRoleNotFoundException).
 * The check is not an input of any resource: a failing input would leave its resource waiting.
 */
export function checkDefaultRole(parent: pulumi.Resource): void {
    const roles = aws.iam.getRolesOutput({ nameRegex: `^${DEFAULT_ROLE_NAME}$` }, { parent });
    roles.names.apply((names) => {
        if (!names.includes(DEFAULT_ROLE_NAME)) {
            throw new Error(missingDefaultRoleMessage());
        }
    });
}

/** Why registration cannot work in an account without the role, and what to do. */
export function missingDefaultRoleMessage(): string {
    return (
        `the account has no IAM role ${DEFAULT_ROLE_NAME}, which WorkSpaces needs to register a directory: ` +
        "set defaultRole: 'create' (in one stack per account), or create it once in the WorkSpaces console"
    );
}

/** An IP access control group from CIDR rules. */
export function createIpGroup(name: string, rules: NonNullable<DirectoryArgs["ipAccessRules"]>, tags: Tags, parent: pulumi.Resource): aws.workspaces.IpGroup {
    return new aws.workspaces.IpGroup(
        childName(name, "ip-group"),
        { description: `Networks allowed to reach the workspaces of ${name}`, rules: rules.map((r) => ({ source: r.cidr, description: r.description })), tags },
        { parent },
    );
}

/** An interface endpoint for the WorkSpaces API, reachable over HTTPS from `clientCidrBlocks` only. */
export function createApiEndpoint(name: string, args: DirectoryArgs, tags: Tags, parent: pulumi.Resource): aws.ec2.VpcEndpoint {
    const region = regionOf(parent);
    const group = new aws.ec2.SecurityGroup(
        childName(name, "api-endpoint-sg"),
        {
            vpcId: args.network.vpcId,
            description: `WorkSpaces API endpoint of ${name}`,
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: args.apiEndpoint!.clientCidrBlocks, description: "HTTPS to the WorkSpaces API" }],
            egress: [],
            tags,
        },
        { parent },
    );
    return new aws.ec2.VpcEndpoint(
        childName(name, "api-endpoint"),
        {
            vpcId: args.network.vpcId,
            vpcEndpointType: "Interface",
            serviceName: pulumi.interpolate`com.amazonaws.${region}.workspaces`,
            subnetIds: args.network.subnetIds,
            securityGroupIds: [group.id],
            privateDnsEnabled: true,
            tags,
        },
        { parent },
    );
}
