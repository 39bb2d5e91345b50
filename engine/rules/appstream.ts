import {
    DASHBOARD_NAME,
    EMBED_HOST_DOMAIN,
    FEEDBACK_URL_MAX,
    FLEET_REPLACED_BY,
    FLEET_UPDATABLE_WHILE_RUNNING,
    FLEET_UPDATES_THAT_STOP,
    RESOURCE_NAME,
    SERVICE_ROLE,
    SETTINGS_GROUP_MAX,
    USER_NAME_PART,
} from "../../components/appstream/awsRules";
import { IMAGE_BUILDER_INSTANCE_TYPES, INSTANCE_TYPES, retiredFamilyOf } from "../../components/appstream/instanceTypes";
import { CONSOLE_SERVICE_ROLES } from "../cloud";
import { AwsRefusal } from "./awsError";
import type { AwsRule, RuleContext } from "./rule";

const FLEET = "aws:appstream/fleet:Fleet";
const STACK = "aws:appstream/stack:Stack";
const IMAGE_BUILDER = "aws:appstream/imageBuilder:ImageBuilder";
const DIRECTORY_CONFIG = "aws:appstream/directoryConfig:DirectoryConfig";
const ASSOCIATION = "aws:appstream/fleetStackAssociation:FleetStackAssociation";
const USER = "aws:appstream/user:User";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

/** A known string input (unknown inputs are `undefined` in a preview). */
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function checkInstanceType(ctx: RuleContext, allowed: readonly string[], operation: string): void {
    const type = text(ctx.inputs.instanceType);
    if (type === undefined) {
        return;
    }
    const retired = retiredFamilyOf(type);
    if (retired || !allowed.includes(type)) {
        ctx.refuse("InvalidParameterCombinationException", `${operation} does not offer the instance type ${type}${retired ? ` (the ${retired} family is retired)` : ""}`);
    }
}

/** AppStream 2.0 rules of AWS's. */
export const appstreamRules: AwsRule[] = [
    {
        types: [FLEET, STACK, IMAGE_BUILDER],
        description: "Fleet, stack and image builder names match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$ (API model, shape Name)",
        check(ctx) {
            const name = text(ctx.inputs.name);
            if (name !== undefined && !RESOURCE_NAME.test(name)) {
                ctx.refuse("ValidationException", `name '${name}' must match ${RESOURCE_NAME.source}`);
            }
        },
    },
    {
        types: [FLEET],
        description: "CreateFleet takes the instance types its model lists; graphics-design/-desktop/-pro are retired",
        check: (ctx) => checkInstanceType(ctx, INSTANCE_TYPES, "CreateFleet"),
    },
    {
        types: [IMAGE_BUILDER],
        description: "CreateImageBuilder takes stream.standard.small|medium|large of the standard family (API model, InstanceType)",
        check: (ctx) => checkInstanceType(ctx, IMAGE_BUILDER_INSTANCE_TYPES, "CreateImageBuilder"),
    },
    {
        types: [FLEET, IMAGE_BUILDER],
        description: "Fleets and image builders need the AmazonAppStreamServiceAccess role, which a fresh account lacks (InvalidRoleException)",
        check(ctx) {
            const role = SERVICE_ROLE.name;
            const exists = (ctx.cloud.roles ?? CONSOLE_SERVICE_ROLES).includes(role) || ctx.accepted.some((r) => r.type === "aws:iam/role:Role" && r.inputs.name === role);
            if (!exists) {
                ctx.refuse("InvalidRoleException", `the account has no ${role} role: open the AppStream console once, or create the role (StreamingEnvironment serviceRole: "create")`);
            }
        },
    },
    {
        types: [DIRECTORY_CONFIG],
        description: "One DirectoryConfig per directory name in an account and region (CreateDirectoryConfig: ResourceAlreadyExistsException)",
        check(ctx) {
            const directory = text(ctx.inputs.directoryName)?.toLowerCase();
            const existing = ctx.accepted.find((r) => r.type === DIRECTORY_CONFIG && r.region === ctx.region && text(r.inputs.directoryName)?.toLowerCase() === directory);
            if (directory !== undefined && existing) {
                ctx.refuse("ResourceAlreadyExistsException", `a DirectoryConfig for '${ctx.inputs.directoryName}' already exists (created as "${existing.name}")`);
            }
        },
    },
    {
        types: [ASSOCIATION],
        description: "A stack streams from one fleet: AssociateFleet refuses a second fleet for a stack (LimitExceededException)",
        check(ctx) {
            const stack = text(ctx.inputs.stackName);
            const existing = ctx.accepted.find((r) => r.type === ASSOCIATION && r.region === ctx.region && text(r.inputs.stackName) === stack);
            if (stack !== undefined && existing) {
                ctx.refuse("LimitExceededException", `stack '${stack}' is already associated with fleet '${existing.inputs.fleetName}'; a stack takes one fleet`);
            }
        },
    },
    {
        types: [USER],
        description: "CreateUser FirstName/LastName match ^[A-Za-z0-9_\\-\\s]+$, up to 2048 (API model, shape UserAttributeValue)",
        check(ctx) {
            for (const field of ["firstName", "lastName"]) {
                const value = text(ctx.inputs[field]);
                if (value !== undefined && (!USER_NAME_PART.pattern.test(value) || value.length > USER_NAME_PART.max)) {
                    ctx.refuse("ValidationException", `${field} '${value}' must match ${USER_NAME_PART.pattern.source}`);
                }
            }
        },
    },
    {
        types: [STACK],
        description: "CreateStack: 1–20 embed host domains matching the EmbedHostDomain pattern (no wildcard), a settings group of up to 100, a feedback URL of up to 100 (the provider's limit)",
        check(ctx) {
            const domains: unknown[] = Array.isArray(ctx.inputs.embedHostDomains) ? ctx.inputs.embedHostDomains : [];
            if (domains.length > EMBED_HOST_DOMAIN.maxItems) {
                ctx.refuse("ValidationException", `embedHostDomains has ${domains.length} items; at most ${EMBED_HOST_DOMAIN.maxItems}`);
            }
            for (const domain of domains.map(text)) {
                if (domain !== undefined && (!EMBED_HOST_DOMAIN.pattern.test(domain) || domain.length > EMBED_HOST_DOMAIN.max)) {
                    ctx.refuse("ValidationException", `embed host domain '${domain}' does not match the EmbedHostDomain pattern`);
                }
            }
            const group = text(ctx.inputs.applicationSettings?.settingsGroup);
            if (group !== undefined && group.length > SETTINGS_GROUP_MAX) {
                ctx.refuse("ValidationException", `settings group has ${group.length} characters; at most ${SETTINGS_GROUP_MAX}`);
            }
            const feedback = text(ctx.inputs.feedbackUrl);
            if (feedback !== undefined && feedback.length > FEEDBACK_URL_MAX) {
                ctx.refuse("ValidationException", `feedback_url has ${feedback.length} characters; the provider takes at most ${FEEDBACK_URL_MAX}`);
            }
        },
    },
    {
        types: [DASHBOARD],
        description: "PutDashboard: names of up to 255 letters, digits, '-' and '_' (CloudWatch API model; error InvalidParameterInput)",
        check(ctx) {
            const name = text(ctx.inputs.dashboardName);
            if (name !== undefined && !DASHBOARD_NAME.test(name)) {
                ctx.refuse("InvalidParameterInput", `dashboard name '${name}' may hold only A-Z, a-z, 0-9, '-' and '_' (up to 255)`);
            }
        },
    },
];

/** What a change of a fleet's inputs does to a running fleet. */
export type FleetChange =
    | { kind: "none" }
    /** UpdateFleet on the running fleet: sessions go on. */
    | { kind: "update"; fields: string[] }
    /** The provider stops the fleet, updates it and starts it: every session ends. */
    | { kind: "stop-and-update"; fields: string[] }
    /** A new fleet replaces the old one: every session ends. */
    | { kind: "replace"; fields: string[] };

/**
 * The day-2 rule of UpdateFleet: on a RUNNING fleet only {@link FLEET_UPDATABLE_WHILE_RUNNING}
 * may change; the provider stops the fleet for {@link FLEET_UPDATES_THAT_STOP}; any other changed
 * field fails at AWS unless the program replaces the fleet for it (`replaceOnChanges`). Compares
 * the inputs of one fleet in two plans (before and after a program change).
 */
export function fleetChange(
    before: { inputs: Record<string, any> },
    after: { name: string; inputs: Record<string, any>; options: { replaceOnChanges: string[]; ignoreChanges?: string[] } },
): FleetChange {
    // Pulumi keeps the old value of an ignored property: it is not part of the update.
    const news = withOldValues(after.inputs, before.inputs, after.options.ignoreChanges ?? []);
    const keys = new Set([...Object.keys(before.inputs), ...Object.keys(news)]);
    const fields = [...keys].filter((k) => JSON.stringify(before.inputs[k]) !== JSON.stringify(news[k])).sort();
    if (fields.length === 0) {
        return { kind: "none" };
    }
    const replacedBy = [...FLEET_REPLACED_BY, ...after.options.replaceOnChanges];
    if (fields.some((f) => replacedBy.includes(f))) {
        return { kind: "replace", fields };
    }
    const refused = fields.filter((f) => !(FLEET_UPDATABLE_WHILE_RUNNING as readonly string[]).includes(f) && !(FLEET_UPDATES_THAT_STOP as readonly string[]).includes(f));
    if (refused.length > 0) {
        throw new AwsRefusal(
            "InvalidParameterCombinationException",
            `UpdateFleet cannot change ${refused.join(", ")} while the fleet is RUNNING (only ${FLEET_UPDATABLE_WHILE_RUNNING.join(", ")})`,
            { type: FLEET, name: after.name },
        );
    }
    const stopping = fields.filter((f) => (FLEET_UPDATES_THAT_STOP as readonly string[]).includes(f));
    return stopping.length > 0 ? { kind: "stop-and-update", fields } : { kind: "update", fields };
}

/**
 * `news` with the value of `olds` at each of `paths` (`computeCapacity`, `a.b`, `a[0].b`: the
 * property paths of `ignoreChanges`, without wildcards), as Pulumi sends an update.
 */
export function withOldValues(news: Record<string, any>, olds: Record<string, any>, paths: readonly string[]): Record<string, any> {
    const result = structuredClone(news);
    for (const path of paths) {
        const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
        let target: any = result;
        let source: any = olds;
        for (const key of keys.slice(0, -1)) {
            target = target?.[key];
            source = source?.[key];
        }
        const last = keys[keys.length - 1];
        if (target === null || typeof target !== "object" || last === undefined) {
            continue;
        }
        if (source !== null && typeof source === "object" && last in source) {
            target[last] = structuredClone(source[last]);
        } else {
            delete target[last];
        }
    }
    return result;
}
