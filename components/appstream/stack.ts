import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { ArgumentProblems, childName, componentTags, isDomainName, isPlain, oneOf, show, Tags } from "../shared";
import { EMBED_HOST_DOMAIN, FEEDBACK_URL_MAX, REDIRECT_URL_MAX, SETTINGS_GROUP_MAX } from "./awsRules";
import { validateLabels } from "./labels";
import {
    DEFAULT_USER_SETTINGS,
    STORAGE_CONNECTOR_TYPES,
    STREAMING_PROTOCOLS,
    StorageConnectorType,
    USER_SETTING_ACTIONS,
    UserSettingName,
} from "./limits";
import { checkArguments } from "../arguments";

export const STACK_TYPE = "aws-euc:appstream:Stack";

/** Persistent storage offered in sessions. */
export interface StorageConnectorArgs {
    /** `HOMEFOLDERS` (an S3 bucket AppStream creates), `GOOGLE_DRIVE` or `ONE_DRIVE`. */
    type: StorageConnectorType;
    /** For Google Drive and OneDrive: the organisation's domains users sign in with. */
    domains?: string[];
}

/** Arguments of {@link Stack}. */
export interface StackArgs {
    /** The fleet the stack streams from (required: a stack without a fleet streams nothing). */
    fleet: { name: pulumi.Input<string> };
    /**
     * Storage connectors.
     * @example [{ type: "HOMEFOLDERS" }, { type: "ONE_DRIVE", domains: ["example.com"] }]
     */
    storageConnectors?: StorageConnectorArgs[];
    /**
     * What users may do, each switchable. Secure defaults: paste and upload in, no copy to the
     * device, no download, no local printing; domain password sign-in and time-zone redirection on.
     * @default {@link DEFAULT_USER_SETTINGS}
     */
    userSettings?: Partial<Record<UserSettingName, boolean>>;
    /** Keep users' application settings between sessions (in an S3 bucket AppStream creates). @default false */
    persistApplicationSettings?: boolean;
    /**
     * Settings group (S3 path prefix, up to 100 characters) shared by stacks whose users should
     * share persisted settings. The default is unique to this Pulumi project, stack and component,
     * so dev and prod in one account never share users' settings.
     * @default - `<project>-<pulumi stack>-<component name>`
     */
    settingsGroup?: string;
    /** Interface VPC endpoint ids (`vpce-…`, up to 4) users must stream through. */
    streamingEndpointIds?: pulumi.Input<string>[];
    /**
     * Domains allowed to embed the streaming session in an iframe: 1–20 lower-case domain names
     * of up to 128 characters, no wildcards (e.g. `portal.example.com`).
     */
    embedHostDomains?: string[];
    /** Page shown by the feedback link: an https:// URL of up to 100 characters (the provider's limit). */
    feedbackUrl?: string;
    /** Page users reach when their session ends: an https:// URL of up to 1000 characters. */
    redirectUrl?: string;
    /** Preferred streaming protocol: UDP (smoother) or TCP (through restrictive firewalls). @default "UDP" */
    streamingProtocol?: "UDP" | "TCP";
    /** Up to 256 characters. */
    description?: string;
    /** Up to 100 characters. */
    displayName?: string;
    tags?: Tags;
}

/**
 * The default settings group: `<project>-<stack>-<component>`, unique per Pulumi stack; when longer
 * than AppStream's 100 characters, its end is replaced by a hash of the whole so it stays unique.
 */
export function defaultSettingsGroup(project: string, stack: string, name: string): string {
    const group = `${project}-${stack}-${name}`;
    if (group.length <= SETTINGS_GROUP_MAX) {
        return group;
    }
    const hash = createHash("sha256").update(group).digest("hex").slice(0, 12);
    return `${group.slice(0, SETTINGS_GROUP_MAX - 13)}-${hash}`;
}

/** The `userSettings` input: every action, enabled or disabled, defaults filled in. */
export function userSettingsInput(settings: Partial<Record<UserSettingName, boolean>> = {}): { action: string; permission: string }[] {
    return (Object.keys(USER_SETTING_ACTIONS) as UserSettingName[]).map((name) => ({
        action: USER_SETTING_ACTIONS[name],
        permission: (settings[name] ?? DEFAULT_USER_SETTINGS[name]) ? "ENABLED" : "DISABLED",
    }));
}

/**
 * An AppStream stack (seed steps 4–5): what users see and may do — storage, clipboard, file
 * transfer, printing, sign-in, persistence, access endpoints — associated with its fleet.
 */
export class Stack extends pulumi.ComponentResource {
    public readonly name: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    public readonly stack: aws.appstream.Stack;
    public readonly fleetAssociation: aws.appstream.FleetStackAssociation;

    constructor(name: string, args: StackArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(STACK_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateStackArgs(name, args);
        super(STACK_TYPE, name, {}, opts);
        const tags = componentTags(STACK_TYPE, args.tags);
        this.stack = new aws.appstream.Stack(
            childName(name, "stack"),
            {
                storageConnectors: (args.storageConnectors ?? []).map((c) => ({ connectorType: c.type, domains: c.domains })),
                userSettings: userSettingsInput(args.userSettings),
                applicationSettings: args.persistApplicationSettings
                    ? { enabled: true, settingsGroup: args.settingsGroup ?? defaultSettingsGroup(pulumi.getProject(), pulumi.getStack(), name) }
                    : { enabled: false },
                accessEndpoints: (args.streamingEndpointIds ?? []).map((vpceId) => ({ endpointType: "STREAMING", vpceId })),
                embedHostDomains: args.embedHostDomains,
                feedbackUrl: args.feedbackUrl,
                redirectUrl: args.redirectUrl,
                streamingExperienceSettings: { preferredProtocol: args.streamingProtocol ?? "UDP" },
                description: args.description,
                displayName: args.displayName,
                tags,
            },
            { parent: this },
        );
        this.fleetAssociation = new aws.appstream.FleetStackAssociation(
            childName(name, "fleet-association"),
            { fleetName: args.fleet.name, stackName: this.stack.name },
            // A stack takes one fleet: when the fleet is replaced, the old association must go first.
            { parent: this, deleteBeforeReplace: true },
        );
        this.name = this.stack.name;
        this.arn = this.stack.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

/** Everything of a stack's arguments but its fleet (the composite wires the fleet). */
export function checkStackArgs(args: Omit<StackArgs, "fleet">, problems: ArgumentProblems): void {
    const seen = new Set<string>();
    for (const [i, connector] of (args.storageConnectors ?? []).entries()) {
        const path = `storageConnectors[${i}]`;
        problems.require(
            (STORAGE_CONNECTOR_TYPES as readonly string[]).includes(connector.type),
            `${path}.type`,
            `${show(connector.type)} is not a storage connector type; use one of ${oneOf(STORAGE_CONNECTOR_TYPES)}`,
        );
        problems.require(!seen.has(connector.type), `${path}.type`, `${show(connector.type)} is listed twice`);
        seen.add(connector.type);
        if (connector.type === "HOMEFOLDERS") {
            problems.require(!connector.domains?.length, `${path}.domains`, "home folders take no domains");
        } else if ((STORAGE_CONNECTOR_TYPES as readonly string[]).includes(connector.type)) {
            problems.require(!!connector.domains?.length, `${path}.domains`, `${connector.type} needs the domains users sign in with, e.g. ['example.com']`);
        }
        for (const [j, domain] of (connector.domains ?? []).entries()) {
            problems.require(isDomainName(domain), `${path}.domains[${j}]`, `${show(domain)} is not a domain name`);
        }
    }
    for (const key of Object.keys(args.userSettings ?? {})) {
        problems.require(
            key in USER_SETTING_ACTIONS,
            `userSettings.${key}`,
            `is not a user setting; use one of ${oneOf(Object.keys(USER_SETTING_ACTIONS))}`,
        );
    }
    const embed = args.embedHostDomains ?? [];
    problems.require(embed.length <= EMBED_HOST_DOMAIN.maxItems, "embedHostDomains", `has ${embed.length} domains; AppStream takes at most ${EMBED_HOST_DOMAIN.maxItems}`);
    for (const [i, domain] of embed.entries()) {
        problems.require(
            EMBED_HOST_DOMAIN.pattern.test(domain) && domain.length <= EMBED_HOST_DOMAIN.max,
            `embedHostDomains[${i}]`,
            `${show(domain)} is not a lower-case domain name of up to ${EMBED_HOST_DOMAIN.max} characters such as 'portal.example.com' (AppStream takes no wildcards)`,
        );
    }
    for (const [key, max] of [["feedbackUrl", FEEDBACK_URL_MAX], ["redirectUrl", REDIRECT_URL_MAX]] as const) {
        const url = args[key];
        if (url !== undefined && isPlain(url)) {
            problems.require(/^https:\/\/[^\s]+$/.test(url) && url.length <= max, key, `${show(url)} must be an https:// URL of up to ${max} characters`);
        }
    }
    problems.requireOneOf<string>(args.streamingProtocol, STREAMING_PROTOCOLS, "streamingProtocol");
    if (args.settingsGroup !== undefined) {
        problems.require(!!args.persistApplicationSettings, "settingsGroup", "only applies with `persistApplicationSettings: true`");
        problems.require(args.settingsGroup.length >= 1 && args.settingsGroup.length <= SETTINGS_GROUP_MAX, "settingsGroup", `${show(args.settingsGroup)} must be 1–${SETTINGS_GROUP_MAX} characters`);
    }
    problems.require((args.streamingEndpointIds ?? []).length <= 4, "streamingEndpointIds", `has ${(args.streamingEndpointIds ?? []).length} endpoints; a stack takes at most 4`);
    validateLabels(args, problems);
}

function validateStackArgs(name: string, args: StackArgs): void {
    const problems = new ArgumentProblems(STACK_TYPE, name);
    problems.require(args.fleet !== undefined, "fleet", "is required: a stack streams from a fleet; pass the Fleet (or { name })");
    checkStackArgs(args, problems);
    problems.throwIfAny();
}
