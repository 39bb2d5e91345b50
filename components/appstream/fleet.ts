import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, Tags } from "../shared";
import { createDirectoryConfig, DomainJoinArgs, domainJoinInfo, validateDomainJoin } from "./domainJoin";
import { ImageSource, imageInputs, validateImage, validateInstanceType, validateNetwork } from "./imageBuilder";
import {
    DEFAULT_DISCONNECT_TIMEOUT,
    DEFAULT_IDLE_DISCONNECT_TIMEOUT,
    DEFAULT_MAX_USER_DURATION,
    DISCONNECT_TIMEOUT,
    FLEET_TYPES,
    IDLE_DISCONNECT_TIMEOUT,
    MAX_USER_DURATION,
    SESSIONS_PER_INSTANCE,
    STREAM_VIEWS,
} from "./limits";
import { NetworkArgs, securityGroupIdsOf } from "./network";
import { createScaling, FleetScaling, ScalingArgs, validateScaling } from "./scaling";
import { checkArguments } from "../arguments";

export const FLEET_TYPE = "aws-euc:appstream:Fleet";

/** How many streaming instances (or, for multi-session fleets, sessions) the fleet keeps. */
export type CapacityArgs =
    /** Single-session: one user per instance. */
    | { desiredInstances: number }
    /** Multi-session: several users per instance. */
    | { desiredSessions: number; maxSessionsPerInstance: number };

/** Arguments of {@link Fleet}. */
export interface FleetArgs {
    /**
     * `ON_DEMAND` (instances start when a user connects: cheaper, 1–2 min wait) or `ALWAYS_ON`
     * (instant, billed while running). `ELASTIC` needs app blocks, which @pulumi/aws does not
     * offer, and is rejected. @default "ON_DEMAND"
     */
    fleetType?: "ON_DEMAND" | "ALWAYS_ON" | "ELASTIC";
    /** Instance type, e.g. `stream.standard.medium` (see {@link ImageBuilderArgs.instanceType}). */
    instanceType: string;
    /** The image streamed: the one created from your image builder, by name or ARN. */
    image: ImageSource;
    /** @example { desiredInstances: 2 } */
    capacity: CapacityArgs;
    /** Longest session in seconds, 600–432000 (120 hours). @default 28800 (8 hours) */
    maxUserDurationInSeconds?: number;
    /** Seconds a disconnected session waits for its user, 60–36000. @default 300 */
    disconnectTimeoutInSeconds?: number;
    /** Idle seconds before the user is disconnected: 0 (never) or 60–36000. @default 600 */
    idleDisconnectTimeoutInSeconds?: number;
    /** `APP` streams application windows, `DESKTOP` the whole desktop. @default "APP" */
    streamView?: "APP" | "DESKTOP";
    network: NetworkArgs;
    /** A public route to the internet. An explicit, insecure opt-out. @default false */
    enableDefaultInternetAccess?: boolean;
    /** IAM role the streaming instances assume. */
    iamRoleArn?: pulumi.Input<string>;
    /** Join streaming instances to an Active Directory domain. */
    domainJoin?: DomainJoinArgs;
    /** Application Auto Scaling of the fleet's desired capacity. @default - fixed capacity */
    scaling?: ScalingArgs;
    description?: string;
    displayName?: string;
    tags?: Tags;
}

/**
 * An AppStream fleet (seed step 4): the streaming instances, their image, capacity, session
 * limits and network, with optional domain join and Application Auto Scaling. To roll the fleet
 * to a new image, change `image`: only the fleet's image input changes, and AppStream replaces
 * instances as sessions end.
 */
export class Fleet extends pulumi.ComponentResource {
    public readonly name: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    public readonly fleet: aws.appstream.Fleet;
    public readonly securityGroup?: aws.ec2.SecurityGroup;
    public readonly directoryConfig?: aws.appstream.DirectoryConfig;
    public readonly scaling?: FleetScaling;

    constructor(name: string, args: FleetArgs, opts?: pulumi.ComponentResourceOptions) {
        super(FLEET_TYPE, name, {}, opts);
        checkArguments(FLEET_TYPE, name, args);
        validateFleetArgs(name, args);
        const tags = componentTags(FLEET_TYPE, args.tags);

        const groups = securityGroupIdsOf(name, args.network, `AppStream fleet ${name}`, tags, this);
        this.securityGroup = groups.created;
        this.directoryConfig = createDirectoryConfig(name, args.domainJoin, this);
        this.fleet = new aws.appstream.Fleet(
            childName(name, "fleet"),
            {
                fleetType: args.fleetType ?? "ON_DEMAND",
                instanceType: args.instanceType,
                ...imageInputs(args.image, this),
                computeCapacity:
                    "desiredSessions" in args.capacity ? { desiredSessions: args.capacity.desiredSessions } : { desiredInstances: args.capacity.desiredInstances },
                maxSessionsPerInstance: "maxSessionsPerInstance" in args.capacity ? args.capacity.maxSessionsPerInstance : undefined,
                maxUserDurationInSeconds: args.maxUserDurationInSeconds ?? DEFAULT_MAX_USER_DURATION,
                disconnectTimeoutInSeconds: args.disconnectTimeoutInSeconds ?? DEFAULT_DISCONNECT_TIMEOUT,
                idleDisconnectTimeoutInSeconds: args.idleDisconnectTimeoutInSeconds ?? DEFAULT_IDLE_DISCONNECT_TIMEOUT,
                streamView: args.streamView ?? "APP",
                vpcConfig: { subnetIds: args.network.subnetIds, securityGroupIds: groups.ids },
                enableDefaultInternetAccess: args.enableDefaultInternetAccess ?? false,
                iamRoleArn: args.iamRoleArn,
                domainJoinInfo: domainJoinInfo(args.domainJoin),
                description: args.description,
                displayName: args.displayName,
                tags,
            },
            // With scaling, Application Auto Scaling owns the desired capacity: do not reset it on every update.
            { parent: this, dependsOn: this.directoryConfig ? [this.directoryConfig] : [], ignoreChanges: args.scaling ? ["computeCapacity"] : [] },
        );
        this.scaling = args.scaling ? createScaling(name, this.fleet.name, args.scaling, this) : undefined;

        this.name = this.fleet.name;
        this.arn = this.fleet.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

function validateFleetArgs(name: string, args: FleetArgs): void {
    const problems = new ArgumentProblems(FLEET_TYPE, name);
    problems.require(
        args.fleetType !== "ELASTIC",
        "fleetType",
        "'ELASTIC' fleets stream applications from app blocks, which @pulumi/aws does not offer; use 'ON_DEMAND' or 'ALWAYS_ON'",
    );
    problems.requireOneOf<string>(args.fleetType, FLEET_TYPES, "fleetType");
    validateInstanceType(args.instanceType, problems);
    validateImage(args.image, args.instanceType, "image", problems);
    if ("desiredSessions" in (args.capacity ?? {})) {
        const capacity = args.capacity as { desiredSessions: number; maxSessionsPerInstance: number };
        problems.requireRange(capacity.desiredSessions, { min: 1, max: 10_000 }, "capacity.desiredSessions");
        problems.requireRange(capacity.maxSessionsPerInstance, SESSIONS_PER_INSTANCE, "capacity.maxSessionsPerInstance");
    } else if (problems.require(args.capacity !== undefined && "desiredInstances" in args.capacity, "capacity", "set `desiredInstances`, or `desiredSessions` and `maxSessionsPerInstance`")) {
        problems.requireRange((args.capacity as { desiredInstances: number }).desiredInstances, { min: 1, max: 10_000 }, "capacity.desiredInstances");
    }
    problems.requireRange(args.maxUserDurationInSeconds, MAX_USER_DURATION, "maxUserDurationInSeconds", " seconds");
    problems.requireRange(args.disconnectTimeoutInSeconds, DISCONNECT_TIMEOUT, "disconnectTimeoutInSeconds", " seconds");
    if (args.idleDisconnectTimeoutInSeconds !== 0) {
        problems.requireRange(args.idleDisconnectTimeoutInSeconds, IDLE_DISCONNECT_TIMEOUT, "idleDisconnectTimeoutInSeconds", " seconds (or 0 to turn it off)");
    }
    problems.requireOneOf<string>(args.streamView, STREAM_VIEWS, "streamView");
    validateNetwork(args.network, !args.network?.securityGroupIds?.length, problems);
    validateDomainJoin(args.domainJoin, "domainJoin", problems, !!args.network?.securityGroupIds?.length);
    validateScaling(args.scaling, args.capacity, problems);
    problems.throwIfAny();
}
