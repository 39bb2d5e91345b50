import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, Tags } from "../shared";
import { DomainJoinArgs, directoryConfigOf, domainJoinInfo, requireJoinGroups, validateDomainJoin } from "./domainJoin";
import { ImageSource, imageInputs, validateImage, validateInstanceType } from "./image";
import { validateLabels } from "./labels";
import { plainDependsOn } from "./waitFor";
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
import { hasOwnGroups, NetworkArgs, securityGroupIdsOf, validateNetwork } from "./network";
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
     * offer, and is rejected. Changing it replaces the fleet: sessions end. @default "ON_DEMAND"
     */
    fleetType?: "ON_DEMAND" | "ALWAYS_ON" | "ELASTIC";
    /**
     * Instance type, e.g. `stream.standard.medium` (see {@link ImageBuilderArgs.instanceType};
     * fleets also take `stream.standard.xlarge|2xlarge`). Changing it stops the fleet: sessions end.
     */
    instanceType: string;
    /**
     * The image streamed: the one created from your image builder (or by a managed image update),
     * by name or ARN. Changing it is the one safe edit of a running fleet: instances move to the
     * new image as their sessions end.
     */
    image: ImageSource;
    /**
     * Single- or multi-session capacity. Changing `maxSessionsPerInstance` replaces the fleet
     * (AppStream does not change it on a running fleet): sessions end.
     * @example { desiredInstances: 2 }
     */
    capacity: CapacityArgs;
    /** Longest session in seconds, 600–432000; changing it stops the fleet. @default 28800 (8 hours) */
    maxUserDurationInSeconds?: number;
    /** Seconds a disconnected session waits for its user, 60–36000; changes in place. @default 300 */
    disconnectTimeoutInSeconds?: number;
    /** Idle seconds before the user is disconnected: 0 (never) or 60–36000; changes in place. @default 600 */
    idleDisconnectTimeoutInSeconds?: number;
    /** `APP` streams application windows, `DESKTOP` the whole desktop; changing it stops the fleet. @default "APP" */
    streamView?: "APP" | "DESKTOP";
    /** Subnets and security groups; changing them stops the fleet. */
    network: NetworkArgs;
    /** A public route to the internet. An explicit, insecure opt-out; changing it stops the fleet. @default false */
    enableDefaultInternetAccess?: boolean;
    /** IAM role the streaming instances assume; changing it stops the fleet. */
    iamRoleArn?: pulumi.Input<string>;
    /** Join streaming instances to an Active Directory domain; changing it stops the fleet. */
    domainJoin?: DomainJoinArgs;
    /** Application Auto Scaling of the fleet's desired capacity (it then owns `capacity`). @default - fixed capacity */
    scaling?: ScalingArgs;
    /** Up to 256 characters; changing it stops the fleet. */
    description?: string;
    /** Up to 100 characters; changes in place. */
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
        checkArguments(FLEET_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateFleetArgs(name, args);
        super(FLEET_TYPE, name, {}, opts);
        const tags = componentTags(FLEET_TYPE, args.tags);

        const groups = securityGroupIdsOf(name, args.network, `AppStream fleet ${name}`, tags, this);
        this.securityGroup = groups.created;
        this.directoryConfig = directoryConfigOf(name, args.domainJoin, this);
        const sessionsPerInstance = "maxSessionsPerInstance" in args.capacity ? args.capacity.maxSessionsPerInstance : undefined;
        this.fleet = new aws.appstream.Fleet(
            childName(name, "fleet"),
            {
                fleetType: args.fleetType ?? "ON_DEMAND",
                instanceType: args.instanceType,
                ...imageInputs(args.image, this),
                computeCapacity:
                    "desiredSessions" in args.capacity ? { desiredSessions: args.capacity.desiredSessions } : { desiredInstances: args.capacity.desiredInstances },
                maxSessionsPerInstance: sessionsPerInstance,
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
            {
                parent: this,
                dependsOn: [...(this.directoryConfig ? [this.directoryConfig] : []), ...plainDependsOn(opts)],
                // With scaling, Application Auto Scaling owns the desired capacity: do not reset it on every update.
                ignoreChanges: args.scaling ? ["computeCapacity"] : [],
                // UpdateFleet refuses maxSessionsPerInstance on a RUNNING fleet: a new fleet takes the change.
                // Also when a multi-session fleet turns single-session: UpdateFleet cannot change it while RUNNING.
                replaceOnChanges: ["maxSessionsPerInstance"],
            },
        );
        this.scaling = args.scaling ? createScaling(name, this.fleet.name, args.scaling, this) : undefined;

        this.name = this.fleet.name;
        this.arn = this.fleet.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

/** Everything of a fleet's arguments but the network (the composite checks its shared network once). */
export function checkFleetArgs(args: Omit<FleetArgs, "network">, problems: ArgumentProblems): void {
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
    validateDomainJoin(args.domainJoin, "domainJoin", problems);
    validateScaling(args.scaling, args.capacity, problems);
    validateLabels(args, problems);
}

function validateFleetArgs(name: string, args: FleetArgs): void {
    const problems = new ArgumentProblems(FLEET_TYPE, name);
    checkFleetArgs(args, problems);
    validateNetwork(args.network, !hasOwnGroups(args.network), problems);
    if (args.domainJoin) {
        requireJoinGroups("domainJoin", hasOwnGroups(args.network), problems);
    }
    problems.throwIfAny();
}
