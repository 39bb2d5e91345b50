import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isEmail, oneOf, show, Tags } from "../shared";
import { validateKeyArn } from "./encryptionKey";
import {
    AUTO_STOP_MAX_MINUTES,
    AUTO_STOP_STEP_MINUTES,
    COMPUTE_TYPES,
    ComputeType,
    isVolumeCombination,
    RUNNING_MODES,
    RunningMode,
    USER_NAME,
} from "./limits";
import { checkArguments } from "../arguments";

export const WORKSPACES_TYPE = "aws-euc:workspaces:Workspaces";

/** A bundle (the desktop image and hardware): by id, or by name looked up once per distinct name. */
export type BundleArgs = { id: pulumi.Input<string> } | { name: string; /** @default "AMAZON" */ owner?: string };

/** Per-desktop settings; each overrides the component's defaults. */
export interface DesktopSettings {
    bundle?: BundleArgs;
    /** @default - the bundle's */
    computeType?: ComputeType;
    /** @default "AUTO_STOP" */
    runningMode?: RunningMode;
    /** AUTO_STOP only: idle minutes before stopping, a multiple of 60 up to 2880. @default 60 */
    autoStopTimeoutMinutes?: number;
    /** Root volume GiB: 80 (with a user volume of 10, 50 or 100), or from 175 up to 2000 (with a user volume of at least 100). @default 80 */
    rootVolumeSizeGib?: number;
    /** User volume GiB: 10/50/100 with an 80 GiB root, else 100–2000. @default 50 */
    userVolumeSizeGib?: number;
}

/** A user's desktop, keyed by the user name (never by position). */
export interface WorkspaceUserArgs extends DesktopSettings {
    /** The directory user name (sAMAccountName), 1–20 characters. */
    userName: string;
    /** E-mail address (used when the user is provisioned in the directory). */
    email?: string;
    givenName?: string;
    surname?: string;
}

/** Arguments of {@link Workspaces}. */
export interface WorkspacesArgs {
    /** The registered directory (use `Directory.registration.directoryId` so the registration comes first). */
    directoryId: pulumi.Input<string>;
    /** The KMS key that encrypts root and user volumes (in this region). */
    encryptionKeyArn: pulumi.Input<string>;
    /** Bundle and settings of every desktop, unless a user overrides them. */
    defaults: DesktopSettings & { bundle: BundleArgs };
    users: WorkspaceUserArgs[];
    /**
     * What each user's workspace waits for, by lower-cased user name (e.g. the directory user
     * that {@link DirectoryUsers} creates): one dependency per workspace, not every user.
     */
    userResources?: Record<string, pulumi.Resource>;
    /**
     * Keep workspaces when they leave the program or the stack is destroyed: they hold users'
     * data. Pulumi's retainOnDelete also applies to replacements, so while retained, a change of
     * bundle or key (which WorkSpaces cannot apply in place) is ignored for existing desktops
     * instead of orphaning a running, billed one: new desktops get it; move existing ones with
     * WorkSpaces' migrate or rebuild. Set false to let Pulumi replace and terminate them. @default true
     */
    retainOnDelete?: boolean;
    /** Also protect each workspace from deletion by Pulumi. @default false */
    protect?: boolean;
    /**
     * How long Pulumi waits for a workspace to become AVAILABLE. Encrypted workspaces can take up to
     * an hour; the provider's default is 30 minutes. @default "60m"
     */
    createTimeout?: string;
    tags?: Tags;
}

/** The stable key of a user: its lower-cased name. */
export const userKey = (userName: string) => userName.toLowerCase();

/** Inputs WorkSpaces cannot change in place (they force a new workspace): ignored while desktops are retained. */
export const REPLACING_WORKSPACE_INPUTS = ["bundleId", "volumeEncryptionKey", "rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"];

/**
 * One WorkSpace per user (seed steps 2–3, 5), keyed by user name so that adding or removing a user
 * never replaces another: root and user volumes encrypted with the key, AUTO_STOP by default,
 * the bundle's compute type unless one is given, bundles looked up once per distinct bundle.
 * Retained on delete by default.
 */
export class Workspaces extends pulumi.ComponentResource {
    /** The workspaces by lower-cased user name. */
    public readonly workspaces: Record<string, aws.workspaces.Workspace>;
    /** Workspace ids by user name. */
    public readonly workspaceIds: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: WorkspacesArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WORKSPACES_TYPE, name, {}, opts);
        checkArguments(WORKSPACES_TYPE, name, args);
        const problems = new ArgumentProblems(WORKSPACES_TYPE, name);
        validateWorkspacesArgs(args, problems);
        problems.throwIfAny();
        const tags = componentTags(WORKSPACES_TYPE, args.tags);
        // Keyed by the id text, or by the Output/Promise object itself (its value is not known yet).
        const bundles = new Map<unknown, { id: pulumi.Input<string>; computeType: pulumi.Output<string | undefined> }>();
        const bundleOf = (bundle: BundleArgs) => {
            const key: unknown = "id" in bundle ? (typeof bundle.id === "string" ? `id:${bundle.id}` : bundle.id) : `${bundle.owner ?? "AMAZON"}/${bundle.name}`;
            if (!bundles.has(key)) {
                const found = aws.workspaces.getBundleOutput("id" in bundle ? { bundleId: bundle.id } : { name: bundle.name, owner: bundle.owner ?? "AMAZON" }, { parent: this });
                // Without a compute type the provider would send its own default (VALUE), not the bundle's.
                const computeType = found.computeTypes.apply((types) => types?.[0]?.name);
                bundles.set(key, { id: "id" in bundle ? bundle.id : found.id, computeType });
            }
            return bundles.get(key)!;
        };
        const retain = args.retainOnDelete ?? true;

        this.workspaces = {};
        for (const user of args.users) {
            const settings = { ...args.defaults, ...definedOnly(user) };
            const runningMode = settings.runningMode ?? "AUTO_STOP";
            const bundle = bundleOf(settings.bundle);
            const key = userKey(user.userName);
            const userResource = args.userResources?.[key];
            this.workspaces[key] = new aws.workspaces.Workspace(
                childName(name, key),
                {
                    directoryId: args.directoryId,
                    bundleId: bundle.id,
                    userName: user.userName,
                    rootVolumeEncryptionEnabled: true,
                    userVolumeEncryptionEnabled: true,
                    volumeEncryptionKey: args.encryptionKeyArn,
                    workspaceProperties: {
                        computeTypeName: settings.computeType ?? bundle.computeType,
                        runningMode,
                        runningModeAutoStopTimeoutInMinutes: runningMode === "AUTO_STOP" ? (settings.autoStopTimeoutMinutes ?? 60) : undefined,
                        rootVolumeSizeGib: settings.rootVolumeSizeGib ?? 80,
                        userVolumeSizeGib: settings.userVolumeSizeGib ?? 50,
                    },
                    tags: { ...tags, "aws-euc:user": user.userName },
                },
                {
                    parent: this,
                    retainOnDelete: retain,
                    protect: args.protect ?? false,
                    ignoreChanges: retain ? REPLACING_WORKSPACE_INPUTS : [],
                    customTimeouts: { create: args.createTimeout ?? "60m", update: "30m", delete: "30m" },
                    // The component's own dependsOn holds for every workspace, plus the user's own resource.
                    dependsOn: withDependency(opts?.dependsOn, userResource),
                },
            );
        }
        this.workspaceIds = pulumi.output(Object.fromEntries(Object.entries(this.workspaces).map(([k, w]) => [k, w.id])));
        this.registerOutputs({ workspaceIds: this.workspaceIds });
    }
}

type DependsOn = pulumi.ResourceOptions["dependsOn"];

/** `dependsOn` plus one more resource, whatever form `dependsOn` was given in. */
export function withDependency(dependsOn: DependsOn, extra: pulumi.Resource | undefined): DependsOn {
    if (extra === undefined) {
        return dependsOn;
    }
    if (dependsOn === undefined) {
        return [extra];
    }
    if (Array.isArray(dependsOn)) {
        return [...dependsOn, extra];
    }
    if (pulumi.Resource.isInstance(dependsOn)) {
        return [dependsOn, extra];
    }
    // A promise or Output of one resource or a list of them.
    return pulumi.output(dependsOn as pulumi.Input<pulumi.Resource | pulumi.Resource[]>).apply((d) => [...(Array.isArray(d) ? d : [d]), extra]) as DependsOn;
}

function definedOnly<T extends object>(value: T): Partial<T> {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Checks one desktop's settings at `path` (a prefix such as `defaults.` or `users[2].`). */
function validateSettings(settings: DesktopSettings, path: string, problems: ArgumentProblems): void {
    if (settings.bundle) {
        const b = settings.bundle as Record<string, unknown>;
        problems.require(("id" in b) !== ("name" in b), `${path}bundle`, "set exactly one of `id` or `name`");
    }
    if (settings.computeType !== undefined) {
        problems.require((COMPUTE_TYPES as readonly string[]).includes(settings.computeType), `${path}computeType`, `${show(settings.computeType)} is not a WorkSpaces compute type; use one of ${oneOf(COMPUTE_TYPES)}`);
    }
    problems.requireOneOf<string>(settings.runningMode, RUNNING_MODES, `${path}runningMode`);
    if (settings.autoStopTimeoutMinutes !== undefined) {
        const t = settings.autoStopTimeoutMinutes;
        problems.require(
            Number.isInteger(t) && t >= AUTO_STOP_STEP_MINUTES && t <= AUTO_STOP_MAX_MINUTES && t % AUTO_STOP_STEP_MINUTES === 0,
            `${path}autoStopTimeoutMinutes`,
            `${show(t)} is not allowed; use a multiple of 60 from 60 to ${AUTO_STOP_MAX_MINUTES} minutes`,
        );
        problems.require(settings.runningMode !== "ALWAYS_ON", `${path}autoStopTimeoutMinutes`, "applies to AUTO_STOP only");
    }
}

const VOLUME_RULE = "is not accepted; use 80 with 10, 50 or 100, or a root of 175–2000 with a user volume of 100–2000";

/**
 * Checks the arguments of {@link Workspaces}, reporting each fault once at the path the user
 * wrote: `paths.defaults` names the defaults (e.g. `desktops` inside a composite).
 */
export function validateWorkspacesArgs(args: Omit<WorkspacesArgs, "directoryId">, problems: ArgumentProblems, paths: { defaults: string; key?: string } = { defaults: "defaults", key: "encryptionKeyArn" }): void {
    if (paths.key) {
        validateKeyArn(args.encryptionKeyArn, paths.key, problems);
    }
    const defaults = args.defaults ?? ({} as WorkspacesArgs["defaults"]);
    problems.require(defaults.bundle !== undefined, `${paths.defaults}.bundle`, "is required: every desktop needs a bundle ({ id } or { name })");
    validateSettings(defaults, `${paths.defaults}.`, problems);
    const defaultRoot = defaults.rootVolumeSizeGib ?? 80;
    const defaultUser = defaults.userVolumeSizeGib ?? 50;
    problems.require(isVolumeCombination(defaultRoot, defaultUser), `${paths.defaults}.rootVolumeSizeGib`, `root ${defaultRoot} GiB with user ${defaultUser} GiB ${VOLUME_RULE}`);
    const seen = new Set<string>();
    for (const [i, user] of (args.users ?? []).entries()) {
        const path = `users[${i}].`;
        if (problems.require(USER_NAME.test(user.userName ?? ""), `${path}userName`, `${show(user.userName)} is not a directory user name (1–20 letters, digits, '.', '_' or '-', starting with a letter or digit)`)) {
            problems.require(!seen.has(userKey(user.userName)), `${path}userName`, `${show(user.userName)} is listed twice (user names are case-insensitive)`);
            seen.add(userKey(user.userName));
        }
        if (user.email !== undefined) {
            problems.require(isEmail(user.email), `${path}email`, `${show(user.email)} is not an e-mail address`);
        }
        validateSettings(user, path, problems);
        // Only a user who sets a volume size can make a bad combination of their own.
        if (user.rootVolumeSizeGib !== undefined || user.userVolumeSizeGib !== undefined) {
            const root = user.rootVolumeSizeGib ?? defaultRoot;
            const userVolume = user.userVolumeSizeGib ?? defaultUser;
            const at = user.rootVolumeSizeGib !== undefined ? "rootVolumeSizeGib" : "userVolumeSizeGib";
            problems.require(isVolumeCombination(root, userVolume), `${path}${at}`, `root ${root} GiB with user ${userVolume} GiB ${VOLUME_RULE}`);
        }
    }
}
