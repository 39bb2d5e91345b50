import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isPlain, show, Tags, regionOf } from "../shared";
import { createSharedDirectoryConfigs, DomainJoinArgs, requireJoinGroups } from "./domainJoin";
import { checkFleetArgs, Fleet, FLEET_TYPE, FleetArgs } from "./fleet";
import { checkImageBuilderArgs, createStreamingEndpoint, IMAGE_BUILDER_TYPE, ImageBuilder, ImageBuilderArgs, ImageBuilderSteps, validateStreamingEndpoint } from "./imageBuilder";
import { checkMonitoringArgs, FleetMonitoring, FleetMonitoringArgs } from "./monitoring";
import { createStreamingSecurityGroup, hasOwnGroups, NetworkArgs, validateNetwork } from "./network";
import { ScopedProblems } from "./scopedProblems";
import { appstreamServiceRole, ServiceRoleMode } from "./serviceRole";
import { checkStackArgs, Stack, StackArgs } from "./stack";
import { checkUsersArgs, Users, UsersArgs } from "./users";
import { checkArguments } from "../arguments";

export const STREAMING_ENVIRONMENT_TYPE = "aws-euc:appstream:StreamingEnvironment";

/**
 * Arguments of {@link StreamingEnvironment}: the parts' arguments without what the composite wires.
 * A first deployment may hold the image builder alone (no image exists yet); a second adds the
 * fleet with the image's name, and with it the stack, users and monitoring.
 */
export interface StreamingEnvironmentArgs {
    /** Network shared by the image builder and the fleet (one security group is created for both unless given). */
    network: NetworkArgs;
    /**
     * Stream through one interface VPC endpoint (`com.amazonaws.<region>.appstream.streaming`)
     * instead of the internet, for the image builder and the stack's users alike, reachable from
     * `clientCidrBlocks` only (TCP 443 and 1400–1499). @default - streaming over the internet
     * @example { clientCidrBlocks: ["10.0.0.0/8"] }
     */
    privateStreamingEndpoint?: { clientCidrBlocks: string[] };
    /**
     * An S3 gateway endpoint in these route tables, so home folders and persisted settings reach
     * S3 without a NAT gateway. @default - none
     */
    s3GatewayEndpoint?: { routeTableIds: pulumi.Input<string>[] };
    /**
     * The AppStream service role `AmazonAppStreamServiceAccess`, which a fresh account lacks until
     * someone opens the AppStream console: `"existing"` looks it up (the preview fails, naming it,
     * when it is missing), `"create"` creates it (one per account).
     * @default "existing"
     */
    serviceRole?: ServiceRoleMode;
    /** An image builder to prepare the next image (seed steps 1–3). @default - none */
    imageBuilder?: Omit<ImageBuilderArgs, "network" | "tags" | "privateStreamingEndpoint" | "streamingEndpointId">;
    /**
     * The fleet (seed step 4). Leave out on the first deployment, when the image does not exist
     * yet; add it with the image's name in a second `pulumi up`. @default - none (builder only)
     */
    fleet?: Omit<FleetArgs, "network" | "tags">;
    /** The stack (seed steps 4–5); needs `fleet`. @default - secure user settings, no storage */
    stack?: Omit<StackArgs, "fleet" | "tags">;
    /** Users and SAML access (seed step 5); needs `fleet`. @default - none */
    users?: Omit<UsersArgs, "stack" | "tags">;
    /** Alarms and dashboard (seed steps 6–7); `false` turns them off. @default - alarms and a dashboard with the fleet, no topic */
    monitoring?: false | Omit<FleetMonitoringArgs, "fleetName" | "stackName" | "tags" | "multiSession">;
    tags?: Tags;
}

/**
 * The whole AppStream procedure in one component, in the seed's order: an optional image builder,
 * the fleet (with scaling), the stack, its users, and monitoring. Each part is also usable alone.
 * Every argument is checked before the first child is registered.
 */
export class StreamingEnvironment extends pulumi.ComponentResource {
    public readonly securityGroup?: aws.ec2.SecurityGroup;
    public readonly directoryConfigs: aws.appstream.DirectoryConfig[];
    public readonly streamingEndpoint?: aws.ec2.VpcEndpoint;
    public readonly s3Endpoint?: aws.ec2.VpcEndpoint;
    public readonly serviceRoleArn: pulumi.Output<string>;
    public readonly imageBuilder?: ImageBuilder;
    public readonly fleet?: Fleet;
    public readonly stack?: Stack;
    public readonly users?: Users;
    public readonly monitoring?: FleetMonitoring;
    public readonly fleetName?: pulumi.Output<string>;
    public readonly stackName?: pulumi.Output<string>;
    public readonly imageBuilderSteps?: pulumi.Output<ImageBuilderSteps>;
    public readonly relayStateUrl?: pulumi.Output<string>;
    /** `<role ARN>,<provider ARN>` for the IdP's `https://aws.amazon.com/SAML/Attributes/Role` attribute. */
    public readonly samlRoleAttribute?: pulumi.Output<string>;
    public readonly testStreamingUrlCommand?: pulumi.Output<string>;

    constructor(name: string, args: StreamingEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(STREAMING_ENVIRONMENT_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateEnvironmentArgs(name, args);
        super(STREAMING_ENVIRONMENT_TYPE, name, {}, opts);
        const tags = componentTags(STREAMING_ENVIRONMENT_TYPE, args.tags);
        const parent = { parent: this };
        const region = regionOf(this);

        const role = appstreamServiceRole(name, args.serviceRole ?? "existing", region, tags, this);
        this.serviceRoleArn = role.arn;
        // One security group for the builder and the fleet, unless the caller brings theirs.
        this.securityGroup = hasOwnGroups(args.network) ? undefined : createStreamingSecurityGroup(name, args.network, `AppStream streaming instances of ${name}`, tags, this);
        const network: NetworkArgs = { ...args.network, securityGroupIds: this.securityGroup ? [this.securityGroup.id] : args.network.securityGroupIds };
        // One DirectoryConfig per directory, whoever joins it: AppStream refuses a second one.
        const configs = createSharedDirectoryConfigs(
            name,
            [
                { join: args.imageBuilder?.domainJoin, part: { name: childName(name, "builder"), type: IMAGE_BUILDER_TYPE } },
                { join: args.fleet?.domainJoin, part: { name: childName(name, "fleet"), type: FLEET_TYPE } },
            ],
            this,
        );
        this.directoryConfigs = [...configs.values()];
        const sharedJoin = (join: DomainJoinArgs | undefined): DomainJoinArgs | undefined =>
            join && { directoryName: join.directoryName, organizationalUnit: join.organizationalUnit, directoryConfig: configs.get(join.directoryName.toLowerCase()) };
        this.streamingEndpoint = args.privateStreamingEndpoint
            ? createStreamingEndpoint(name, args.network, args.privateStreamingEndpoint.clientCidrBlocks, region, tags, this)
            : undefined;
        this.s3Endpoint = args.s3GatewayEndpoint ? createS3GatewayEndpoint(name, args.network, args.s3GatewayEndpoint.routeTableIds, region, tags, this) : undefined;
        const partOptions = { parent: this, dependsOn: role.created };

        this.imageBuilder = args.imageBuilder
            ? new ImageBuilder(
                  childName(name, "builder"),
                  { ...args.imageBuilder, domainJoin: sharedJoin(args.imageBuilder.domainJoin), network, streamingEndpointId: this.streamingEndpoint?.id, tags: args.tags },
                  partOptions,
              )
            : undefined;
        if (args.fleet) {
            this.fleet = new Fleet(childName(name, "fleet"), { ...args.fleet, domainJoin: sharedJoin(args.fleet.domainJoin), network, tags: args.tags }, partOptions);
            const endpointIds = args.stack?.streamingEndpointIds ?? (this.streamingEndpoint ? [this.streamingEndpoint.id] : undefined);
            this.stack = new Stack(childName(name, "stack"), { ...(args.stack ?? {}), streamingEndpointIds: endpointIds, fleet: this.fleet, tags: args.tags }, parent);
            this.users = args.users ? new Users(childName(name, "users"), { ...args.users, stack: this.stack, tags: args.tags }, parent) : undefined;
            this.monitoring =
                args.monitoring === false
                    ? undefined
                    : new FleetMonitoring(
                          childName(name, "monitoring"),
                          { ...(args.monitoring ?? {}), fleetName: this.fleet.name, stackName: this.stack.name, multiSession: "maxSessionsPerInstance" in args.fleet.capacity, tags: args.tags },
                          parent,
                      );
        }

        this.fleetName = this.fleet?.name;
        this.stackName = this.stack?.name;
        this.imageBuilderSteps = this.imageBuilder?.steps;
        this.relayStateUrl = this.users?.relayStateUrl;
        this.samlRoleAttribute = this.users?.samlRoleAttribute;
        this.testStreamingUrlCommand = this.monitoring?.testStreamingUrlCommand;
        this.registerOutputs({
            serviceRoleArn: this.serviceRoleArn,
            fleetName: this.fleetName,
            stackName: this.stackName,
            imageBuilderSteps: this.imageBuilderSteps,
            relayStateUrl: this.relayStateUrl,
            samlRoleAttribute: this.samlRoleAttribute,
            testStreamingUrlCommand: this.testStreamingUrlCommand,
        });
    }
}

/** A gateway endpoint for S3 in the given route tables (home folders, persisted settings, usage reports). */
function createS3GatewayEndpoint(
    name: string,
    network: NetworkArgs,
    routeTableIds: pulumi.Input<string>[],
    region: pulumi.Output<string>,
    tags: Tags,
    parent: pulumi.Resource,
): aws.ec2.VpcEndpoint {
    return new aws.ec2.VpcEndpoint(
        childName(name, "s3-endpoint"),
        { vpcId: network.vpcId!, vpcEndpointType: "Gateway", serviceName: pulumi.interpolate`com.amazonaws.${region}.s3`, routeTableIds, tags },
        { parent },
    );
}

/** Checks every argument of the composite and of its parts, paths as the user wrote them. */
export function validateEnvironmentArgs(name: string, args: StreamingEnvironmentArgs): void {
    const problems = new ArgumentProblems(STREAMING_ENVIRONMENT_TYPE, name);
    problems.require(
        args.imageBuilder !== undefined || args.fleet !== undefined,
        "fleet",
        "set `imageBuilder` (first deployment: make the image) or `fleet` (stream an image), or both",
    );
    if (!args.fleet) {
        for (const part of ["stack", "users"] as const) {
            problems.require(args[part] === undefined, part, "needs `fleet`: add it in the deployment that adds the fleet and its image");
        }
        problems.require(args.monitoring === undefined || args.monitoring === false, "monitoring", "needs `fleet`: it watches the fleet's capacity");
    }
    problems.require(
        !(args.users?.users?.length && args.fleet?.domainJoin),
        "users.users",
        "user-pool users cannot stream from a domain-joined fleet; use SAML federation (`users.saml`) with domain-joined fleets",
    );
    problems.requireOneOf<string>(args.serviceRole, ["existing", "create"], "serviceRole");
    const needsVpc = !hasOwnGroups(args.network) || !!args.privateStreamingEndpoint || !!args.s3GatewayEndpoint;
    validateNetwork(args.network, needsVpc, problems);
    validateStreamingEndpoint(args.privateStreamingEndpoint, "privateStreamingEndpoint", problems);
    if (args.s3GatewayEndpoint) {
        problems.require(args.s3GatewayEndpoint.routeTableIds?.length > 0, "s3GatewayEndpoint.routeTableIds", "list the route tables of the streaming subnets");
    }
    // The created group allows HTTPS only: a domain join needs the caller's groups.
    for (const part of ["imageBuilder", "fleet"] as const) {
        if (args[part]?.domainJoin) {
            requireJoinGroups(`${part}.domainJoin`, hasOwnGroups(args.network), problems);
        }
    }
    checkSharedServiceAccount(args.imageBuilder?.domainJoin, args.fleet?.domainJoin, problems);
    if (args.imageBuilder) {
        checkImageBuilderArgs(args.imageBuilder, new ScopedProblems(problems, "imageBuilder"));
    }
    if (args.fleet) {
        checkFleetArgs(args.fleet, new ScopedProblems(problems, "fleet"));
    }
    if (args.stack) {
        checkStackArgs(args.stack, new ScopedProblems(problems, "stack"));
        problems.require(
            !(args.stack.streamingEndpointIds?.length && args.privateStreamingEndpoint),
            "stack.streamingEndpointIds",
            "the stack already streams through `privateStreamingEndpoint`; give one or the other",
        );
    }
    if (args.users) {
        checkUsersArgs(args.users, new ScopedProblems(problems, "users"));
    }
    if (args.monitoring) {
        checkMonitoringArgs(args.monitoring, new ScopedProblems(problems, "monitoring"));
    }
    problems.throwIfAny();
}

/** A builder and a fleet joining one directory share its DirectoryConfig: one service account for both. */
function checkSharedServiceAccount(builder: DomainJoinArgs | undefined, fleet: DomainJoinArgs | undefined, problems: ArgumentProblems): void {
    if (!builder?.serviceAccount || !fleet?.serviceAccount || builder.directoryName?.toLowerCase() !== fleet.directoryName?.toLowerCase()) {
        return;
    }
    const [a, b] = [builder.serviceAccount.name, fleet.serviceAccount.name];
    if (isPlain(a) && isPlain(b)) {
        problems.require(
            a === b,
            "fleet.domainJoin.serviceAccount",
            `${show(b)} differs from the builder's ${show(a)}: AppStream keeps one DirectoryConfig (one service account) per directory; give the account once`,
        );
    }
}
