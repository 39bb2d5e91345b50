import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, Tags } from "../shared";
import { Directory } from "./directory";
import type { DirectoryArgs } from "./directoryArgs";
import { EncryptionKey, EncryptionKeyArgs, validateKeyArn } from "./encryptionKey";
import { Monitoring, MonitoringArgs } from "./monitoring";
import { DirectoryUsers, PasswordMode } from "./provisioning/directoryUsers";
import { Workspaces, WorkspacesArgs, WorkspaceUserArgs } from "./userWorkspaces";
import { checkArguments } from "../arguments";

export const DESKTOP_ENVIRONMENT_TYPE = "aws-euc:workspaces:DesktopEnvironment";

/** Arguments of {@link DesktopEnvironment}. */
export interface DesktopEnvironmentArgs {
    /** The directory and its registration (network in: two subnets of two AZs). */
    directory: Omit<DirectoryArgs, "tags">;
    /** A key created here (default) or an existing key's ARN in this region. */
    encryption?: EncryptionKeyArgs | { existingKeyArn: pulumi.Input<string> };
    /** Bundle and settings of every desktop. */
    desktops: WorkspacesArgs["defaults"];
    /** The users, each with a desktop. @minItems 1 */
    users: WorkspaceUserArgs[];
    /**
     * Create the users in the directory first (AWS Managed Microsoft AD with directory data
     * access only), with their first password. @default - users must already exist
     */
    provisionUsers?: { passwords?: PasswordMode; allowDelete?: boolean };
    /** @default - alarms and a dashboard */
    monitoring?: false | Omit<MonitoringArgs, "directoryId" | "tags">;
    /** Keep workspaces on delete. @default true */
    retainWorkspaces?: boolean;
    tags?: Tags;
}

/**
 * The WorkSpaces procedure in one go: key, directory and registration, directory users (when
 * possible), one encrypted workspace per user, monitoring. Each part is usable on its own.
 */
export class DesktopEnvironment extends pulumi.ComponentResource {
    public readonly key?: EncryptionKey;
    public readonly directory: Directory;
    public readonly directoryUsers?: DirectoryUsers;
    public readonly workspaces: Workspaces;
    public readonly monitoring?: Monitoring;
    public readonly directoryId: pulumi.Output<string>;
    public readonly registrationCode: pulumi.Output<string>;
    public readonly webClientUrl: string;
    public readonly clientDownloadUrl: string;
    /** Passwords of provisioned users (secret). */
    public readonly userPasswords?: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: DesktopEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(DESKTOP_ENVIRONMENT_TYPE, name, {}, opts);
        checkArguments(DESKTOP_ENVIRONMENT_TYPE, name, args);
        const problems = new ArgumentProblems(DESKTOP_ENVIRONMENT_TYPE, name);
        if (args.encryption && "existingKeyArn" in args.encryption) {
            validateKeyArn(args.encryption.existingKeyArn, "encryption.existingKeyArn", problems);
        }
        const created = args.directory?.directory && !("existingId" in args.directory.directory) ? args.directory.directory : undefined;
        if (args.provisionUsers && created?.type === "MicrosoftAD") {
            problems.require(
                created.enableDirectoryDataAccess === true,
                "directory.directory.enableDirectoryDataAccess",
                "must be true to provision users: the Directory Service Data API is off until directory data access is enabled",
            );
        }
        problems.throwIfAny();
        const parent = { parent: this };

        this.key = args.encryption && "existingKeyArn" in args.encryption ? undefined : new EncryptionKey(childName(name, "key"), { ...(args.encryption ?? {}), tags: args.tags }, parent);
        const keyArn = this.key?.arn ?? (args.encryption as { existingKeyArn: pulumi.Input<string> }).existingKeyArn;
        this.directory = new Directory(childName(name, "directory"), { ...args.directory, tags: args.tags }, parent);
        // Workspaces wait for the registration (its directoryId output) and, when provisioned, for the users.
        const directoryId = this.directory.registration.directoryId;
        this.directoryUsers = args.provisionUsers
            ? new DirectoryUsers(
                  childName(name, "users"),
                  {
                      directoryId,
                      directoryType: this.directory.directoryType,
                      users: args.users.map((u) => ({ userName: u.userName, email: u.email, givenName: u.givenName, surname: u.surname })),
                      passwords: args.provisionUsers.passwords,
                      allowDelete: args.provisionUsers.allowDelete,
                  },
                  parent,
              )
            : undefined;
        this.workspaces = new Workspaces(
            childName(name, "workspaces"),
            { directoryId, encryptionKeyArn: keyArn, defaults: args.desktops, users: args.users, retainOnDelete: args.retainWorkspaces, tags: args.tags },
            { parent: this, dependsOn: this.directoryUsers ? [this.directoryUsers] : [] },
        );
        this.monitoring = args.monitoring === false ? undefined : new Monitoring(childName(name, "monitoring"), { ...(args.monitoring ?? {}), directoryId, tags: args.tags }, parent);

        this.directoryId = this.directory.directoryId;
        this.registrationCode = this.directory.registrationCode;
        this.webClientUrl = this.directory.webClientUrl;
        this.clientDownloadUrl = this.directory.clientDownloadUrl;
        this.userPasswords = this.directoryUsers?.passwords;
        this.registerOutputs({ directoryId: this.directoryId, registrationCode: this.registrationCode, userPasswords: this.userPasswords });
    }
}
