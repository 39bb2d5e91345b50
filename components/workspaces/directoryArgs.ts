import * as pulumi from "@pulumi/pulumi";
import type { Tags } from "../shared";
import type { DeviceType, DirectoryType, SelfServicePermission } from "./limits";

/** The two subnets, in two Availability Zones, that the directory and the workspaces use. */
export interface DirectoryNetworkArgs {
    vpcId: pulumi.Input<string>;
    /** Exactly two subnets in different Availability Zones. */
    subnetIds: pulumi.Input<string>[];
    /** Their Availability Zones, when known: checked to be two different zones. */
    availabilityZones?: string[];
}

/** A directory created here. */
export interface NewDirectoryArgs {
    /**
     * `SimpleAD` (Samba-based, small organisations), `MicrosoftAD` (AWS Managed Microsoft AD) or
     * `ADConnector` (a proxy to your own Active Directory).
     */
    type: DirectoryType;
    /** Fully qualified domain name, e.g. `corp.example.com`. */
    name: string;
    /** NetBIOS name, e.g. `CORP`. @default - the first label of `name`, upper-cased */
    shortName?: string;
    /** SimpleAD and ADConnector: `Small` or `Large`. @default "Small" */
    size?: "Small" | "Large";
    /** MicrosoftAD: `Standard` or `Enterprise`. @default "Standard" */
    edition?: "Standard" | "Enterprise";
    /**
     * Password of the directory's `Administrator` (SimpleAD, MicrosoftAD). Stored as a secret.
     * @default - generated (24 characters, all four character classes) and exposed as the secret output `adminPassword`
     */
    adminPassword?: pulumi.Input<string>;
    /**
     * MicrosoftAD: turn on the Directory Service Data API, needed to create users from Pulumi
     * (see {@link DirectoryUsers}). @default false
     */
    enableDirectoryDataAccess?: boolean;
    /** ADConnector: IP addresses of your DNS servers (your domain controllers). */
    dnsIps?: string[];
    /** ADConnector: the service account the connector uses in your domain. */
    serviceAccount?: { userName: string; password: pulumi.Input<string> };
}

/** A directory that already exists (created elsewhere). */
export interface ExistingDirectoryArgs {
    /** Its id, e.g. `d-1234567890`. */
    existingId: pulumi.Input<string>;
    /** Its type, when known: decides whether users can be provisioned from Pulumi. */
    type?: DirectoryType;
}

/** RADIUS multi-factor authentication for the directory. */
export interface RadiusArgs {
    /** RADIUS server addresses (IPs or host names). */
    servers: string[];
    /** @default 1812 */
    port?: number;
    /** Shared secret; stored as a secret. */
    sharedSecret: pulumi.Input<string>;
    /** @default "MS-CHAPv2" */
    protocol?: "PAP" | "CHAP" | "MS-CHAPv1" | "MS-CHAPv2";
    /** Label shown on the sign-in page. @default "MFA" */
    displayLabel?: string;
    /** Seconds, 1–50. @default 10 */
    timeout?: number;
    /** Retries, 0–10. @default 3 */
    retries?: number;
    /** Use the same user name for RADIUS and the directory. @default true */
    useSameUsername?: boolean;
}

/** What workspaces of the directory may be, at creation. */
export interface WorkspaceCreationArgs {
    /** Users are local administrators of their workspace. An explicit, insecure opt-out. @default false */
    localAdministrator?: boolean;
    /** Workspaces get a public IP (direct internet). An explicit, insecure opt-out. @default false */
    internetAccess?: boolean;
    /** A security group added to every workspace. */
    customSecurityGroupId?: pulumi.Input<string>;
    /** OU for the workspaces' computer objects, e.g. `OU=WorkSpaces,DC=corp,DC=example,DC=com`. */
    defaultOu?: string;
    /** Let AWS apply maintenance (updates) in the maintenance window. @default true */
    maintenanceMode?: boolean;
}

/** Arguments of {@link Directory}. */
export interface DirectoryArgs {
    network: DirectoryNetworkArgs;
    /**
     * Create a directory, or link an existing one.
     * @example { type: "MicrosoftAD", name: "corp.example.com", enableDirectoryDataAccess: true }
     */
    directory: NewDirectoryArgs | ExistingDirectoryArgs;
    /** Client networks allowed to connect (an IP access control group is created). */
    ipAccessRules?: { cidr: string; description?: string }[];
    /** Existing IP access control groups. */
    ipGroupIds?: pulumi.Input<string>[];
    /** Self-service actions of users. @default { restartWorkspace: true } and nothing else */
    selfService?: Partial<Record<SelfServicePermission, boolean>>;
    /** Properties of new workspaces. @default - no local admin, no internet, maintenance on */
    creation?: WorkspaceCreationArgs;
    /**
     * Client device types allowed to connect.
     * @default - Windows, macOS, iOS/iPadOS, Android (incl. Fire), Linux and web; ChromeOS and zero clients denied
     */
    deviceAccess?: Partial<Record<DeviceType, boolean>>;
    /**
     * The `workspaces_DefaultRole` IAM role WorkSpaces needs to register a directory. It is per
     * account, with that exact name: `create` makes it here (one stack per account, and only if
     * the account does not have it yet: a fresh account does not); `existing` checks that the
     * account has it and stops before registering otherwise.
     * @default "existing"
     */
    defaultRole?: "create" | "existing";
    /** RADIUS MFA. @default - none */
    radius?: RadiusArgs;
    /** MicrosoftAD: forward the domain controllers' security logs to CloudWatch Logs. @default - off */
    logForwarding?: { retentionInDays?: number };
    /**
     * An interface VPC endpoint for the WorkSpaces API (`com.amazonaws.<region>.workspaces`), with a
     * security group admitting HTTPS from `clientCidrBlocks`. @default - none
     */
    apiEndpoint?: { clientCidrBlocks: string[] };
    /**
     * Keep a created directory when the stack is destroyed (it holds users). Its Administrator
     * password is set at creation only: the provider replaces a directory whose password input
     * changes, so later changes of `adminPassword` are ignored (reset it with Directory Service).
     * @default true
     */
    retainOnDelete?: boolean;
    /**
     * Keep the WorkSpaces registration when the stack is destroyed. WorkSpaces refuses to
     * deregister a directory that still has workspaces, so keep it while workspaces are retained.
     * @default - the directory's `retainOnDelete`
     */
    retainRegistration?: boolean;
    tags?: Tags;
}
