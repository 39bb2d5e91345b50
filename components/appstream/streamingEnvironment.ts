import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isPlain, Tags } from "../shared";
import { Fleet, FleetArgs } from "./fleet";
import { ImageBuilder, ImageBuilderArgs, ImageBuilderSteps } from "./imageBuilder";
import { FleetMonitoring, FleetMonitoringArgs } from "./monitoring";
import { createStreamingSecurityGroup, NetworkArgs } from "./network";
import { Stack, StackArgs } from "./stack";
import { Users, UsersArgs } from "./users";
import { checkArguments } from "../arguments";

export const STREAMING_ENVIRONMENT_TYPE = "aws-euc:appstream:StreamingEnvironment";

/** Arguments of {@link StreamingEnvironment}: the parts' arguments without what the composite wires. */
export interface StreamingEnvironmentArgs {
    /** Network shared by the image builder and the fleet (one security group is created for both unless given). */
    network: NetworkArgs;
    /** An image builder to prepare the next image (seed steps 1–3). @default - none */
    imageBuilder?: Omit<ImageBuilderArgs, "network" | "tags">;
    /** The fleet (seed step 4). */
    fleet: Omit<FleetArgs, "network" | "tags">;
    /** The stack (seed steps 4–5). @default - secure user settings, no storage */
    stack?: Omit<StackArgs, "fleet" | "tags">;
    /** Users and SAML access (seed step 5). @default - none */
    users?: Omit<UsersArgs, "stack" | "tags">;
    /** Alarms and dashboard (seed steps 6–7); `false` turns them off. @default - alarms and a dashboard, no topic */
    monitoring?: false | Omit<FleetMonitoringArgs, "fleetName" | "stackName" | "tags">;
    tags?: Tags;
}

/**
 * The whole AppStream procedure in one component, in the seed's order: an optional image builder,
 * the fleet (with scaling), the stack, its users, and monitoring. Each part is also usable alone.
 */
export class StreamingEnvironment extends pulumi.ComponentResource {
    public readonly securityGroup?: aws.ec2.SecurityGroup;
    public readonly imageBuilder?: ImageBuilder;
    public readonly fleet: Fleet;
    public readonly stack: Stack;
    public readonly users?: Users;
    public readonly monitoring?: FleetMonitoring;
    public readonly fleetName: pulumi.Output<string>;
    public readonly stackName: pulumi.Output<string>;
    public readonly imageBuilderSteps?: pulumi.Output<ImageBuilderSteps>;
    public readonly relayStateUrl?: pulumi.Output<string>;
    public readonly testStreamingUrlCommand?: pulumi.Output<string>;

    constructor(name: string, args: StreamingEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STREAMING_ENVIRONMENT_TYPE, name, {}, opts);
        checkArguments(STREAMING_ENVIRONMENT_TYPE, name, args);
        validateEnvironmentArgs(name, args);
        const tags = componentTags(STREAMING_ENVIRONMENT_TYPE, args.tags);
        const parent = { parent: this };

        // One security group for the builder and the fleet, unless the caller brings theirs.
        this.securityGroup = args.network.securityGroupIds?.length
            ? undefined
            : createStreamingSecurityGroup(name, args.network.vpcId!, `AppStream streaming instances of ${name}`, tags, this);
        const network: NetworkArgs = { ...args.network, securityGroupIds: args.network.securityGroupIds?.length ? args.network.securityGroupIds : [this.securityGroup!.id] };

        this.imageBuilder = args.imageBuilder ? new ImageBuilder(childName(name, "builder"), { ...args.imageBuilder, network, tags: args.tags }, parent) : undefined;
        this.fleet = new Fleet(childName(name, "fleet"), { ...args.fleet, network, tags: args.tags }, parent);
        this.stack = new Stack(childName(name, "stack"), { ...(args.stack ?? {}), fleet: this.fleet, tags: args.tags }, parent);
        this.users = args.users ? new Users(childName(name, "users"), { ...args.users, stack: this.stack, tags: args.tags }, parent) : undefined;
        this.monitoring =
            args.monitoring === false
                ? undefined
                : new FleetMonitoring(childName(name, "monitoring"), { ...(args.monitoring ?? {}), fleetName: this.fleet.name, stackName: this.stack.name, tags: args.tags }, parent);

        this.fleetName = this.fleet.name;
        this.stackName = this.stack.name;
        this.imageBuilderSteps = this.imageBuilder?.steps;
        this.relayStateUrl = this.users?.relayStateUrl;
        this.testStreamingUrlCommand = this.monitoring?.testStreamingUrlCommand;
        this.registerOutputs({
            fleetName: this.fleetName,
            stackName: this.stackName,
            imageBuilderSteps: this.imageBuilderSteps,
            relayStateUrl: this.relayStateUrl,
            testStreamingUrlCommand: this.testStreamingUrlCommand,
        });
    }
}

function validateEnvironmentArgs(name: string, args: StreamingEnvironmentArgs): void {
    const problems = new ArgumentProblems(STREAMING_ENVIRONMENT_TYPE, name);
    problems.require(args.fleet !== undefined, "fleet", "is required: the stack and users stream from it");
    problems.require(
        !(args.users?.users?.length && args.fleet?.domainJoin),
        "users.users",
        "user-pool users cannot stream from a domain-joined fleet; use SAML federation (`users.saml`) with domain-joined fleets",
    );
    const subnets = args.network?.subnetIds;
    if (problems.require(subnets !== undefined && (!isPlain(subnets) || subnets.length > 0), "network.subnetIds", "at least one subnet of your VPC is required")) {
        problems.require(
            !!args.network.securityGroupIds?.length || args.network.vpcId !== undefined,
            "network.vpcId",
            "is required to create the security group; pass `vpcId` or `securityGroupIds`",
        );
    }
    problems.throwIfAny();
}
