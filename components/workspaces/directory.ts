import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, regionOf } from "../shared";
import { createActiveDirectory, createLogForwarding, createRadius } from "./activeDirectory";
import type { DirectoryArgs } from "./directoryArgs";
import { CLIENT_DOWNLOAD_URL, DirectoryType, WEB_CLIENT_URL } from "./limits";
import { checkSubnetZones } from "./availabilityZones";
import { createApiEndpoint, createDefaultRole, createIpGroup, creationInput, deviceAccessInput, checkDefaultRole, selfServiceInput } from "./registration";
import { validateDirectoryArgs } from "./validateDirectory";
import { checkArguments } from "../arguments";

export const DIRECTORY_TYPE = "aws-euc:workspaces:Directory";

/**
 * The directory WorkSpaces authenticates users against (seed step 4), registered with WorkSpaces:
 * an AWS Directory Service directory created here (Simple AD, AWS Managed Microsoft AD or AD
 * Connector) or an existing one; IP access control, self-service permissions, creation
 * properties and client device types; optionally the `workspaces_DefaultRole`, RADIUS MFA,
 * log forwarding and a private endpoint for the WorkSpaces API.
 */
export class Directory extends pulumi.ComponentResource {
    public readonly directoryId: pulumi.Output<string>;
    /** What users type in the WorkSpaces client to find this directory. */
    public readonly registrationCode: pulumi.Output<string>;
    public readonly dnsAddresses: pulumi.Output<string[]>;
    /** The security group WorkSpaces creates for the directory's workspaces. */
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly webClientUrl: string = WEB_CLIENT_URL;
    public readonly clientDownloadUrl: string = CLIENT_DOWNLOAD_URL;
    /** The created Administrator password (secret), when it was generated. */
    public readonly adminPassword?: pulumi.Output<string>;
    /** The directory type, when known. */
    public readonly directoryType?: DirectoryType;
    public readonly activeDirectory?: aws.directoryservice.Directory;
    public readonly registration: aws.workspaces.Directory;
    public readonly ipGroup?: aws.workspaces.IpGroup;
    /** The `workspaces_DefaultRole` role, when created here. */
    public readonly defaultRole?: aws.iam.Role;
    public readonly radius?: aws.directoryservice.RadiusSettings;
    public readonly apiEndpoint?: aws.ec2.VpcEndpoint;

    constructor(name: string, args: DirectoryArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DIRECTORY_TYPE, name, {}, opts);
        checkArguments(DIRECTORY_TYPE, name, args);
        const problems = new ArgumentProblems(DIRECTORY_TYPE, name);
        validateDirectoryArgs(args, problems);
        problems.throwIfAny();
        const tags = componentTags(DIRECTORY_TYPE, args.tags);

        // 1. The directory: linked, or created with its Administrator password.
        if ("existingId" in args.directory) {
            this.directoryId = pulumi.output(args.directory.existingId);
            this.directoryType = args.directory.type;
        } else {
            const created = createActiveDirectory(name, args.directory, args.network, args.retainOnDelete ?? true, tags, this);
            this.activeDirectory = created.directory;
            this.directoryId = created.directory.id;
            this.directoryType = args.directory.type;
            this.adminPassword = created.password ? pulumi.secret(created.password.result) : undefined;
        }

        // 2. Optional security of the directory itself.
        this.radius = args.radius ? createRadius(name, this.directoryId, args.radius, this) : undefined;
        if (args.logForwarding) {
            createLogForwarding(name, this.directoryId, args.logForwarding.retentionInDays ?? 365, tags, this);
        }

        // 3. Registration with WorkSpaces: it needs workspaces_DefaultRole, and subnets in zones WorkSpaces supports.
        const role = args.defaultRole === "create" ? createDefaultRole(name, this) : undefined;
        this.defaultRole = role?.role;
        if (!role) {
            checkDefaultRole(this);
        }
        checkSubnetZones(args.network.subnetIds, regionOf(this), this);
        this.ipGroup = args.ipAccessRules?.length ? createIpGroup(name, args.ipAccessRules, tags, this) : undefined;
        this.registration = new aws.workspaces.Directory(
            childName(name, "registration"),
            {
                directoryId: this.directoryId,
                subnetIds: args.network.subnetIds,
                ipGroupIds: [...(this.ipGroup ? [this.ipGroup.id] : []), ...(args.ipGroupIds ?? [])],
                selfServicePermissions: selfServiceInput(args.selfService),
                workspaceCreationProperties: creationInput(args.creation),
                workspaceAccessProperties: deviceAccessInput(args.deviceAccess),
                tags,
            },
            {
                parent: this,
                dependsOn: role ? [role.role, ...role.attachments] : [],
                // WorkSpaces refuses to deregister a directory that still has workspaces (retained ones included).
                retainOnDelete: args.retainRegistration ?? args.retainOnDelete ?? true,
            },
        );
        this.apiEndpoint = args.apiEndpoint ? createApiEndpoint(name, args, tags, this) : undefined;

        this.registrationCode = this.registration.registrationCode;
        this.dnsAddresses = this.registration.dnsIpAddresses;
        this.securityGroupId = this.registration.workspaceSecurityGroupId;
        this.registerOutputs({
            directoryId: this.directoryId,
            registrationCode: this.registrationCode,
            dnsAddresses: this.dnsAddresses,
            securityGroupId: this.securityGroupId,
            webClientUrl: this.webClientUrl,
            clientDownloadUrl: this.clientDownloadUrl,
            adminPassword: this.adminPassword,
        });
    }
}
