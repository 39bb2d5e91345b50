import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isIpv4Cidr, show, Tags, regionOf } from "../shared";
import { DomainJoinArgs, directoryConfigOf, domainJoinInfo, requireJoinGroups, validateDomainJoin } from "./domainJoin";
import { ImageSource, imageInputs, validateImage, validateInstanceType } from "./image";
import { validateLabels } from "./labels";
import { hasOwnGroups, NetworkArgs, securityGroupIdsOf, validateNetwork } from "./network";
import { plainDependsOn } from "./waitFor";
import { checkArguments } from "../arguments";

export const IMAGE_BUILDER_TYPE = "aws-euc:appstream:ImageBuilder";

/** Arguments of {@link ImageBuilder}. */
export interface ImageBuilderArgs {
    /**
     * Instance type: `stream.standard.small|medium|large`, `stream.compute.*`, `stream.memory.*`
     * (CPU) or `stream.graphics.*` (GPU, for graphics images), e.g. `stream.standard.medium`.
     * CreateImageBuilder does not offer `stream.standard.xlarge|2xlarge` (fleets do).
     */
    instanceType: string;
    /**
     * The base image. With `latestMatching`, the builder keeps the image it was created from: a
     * newer AWS base image does not replace it (and the software installed on it). To move to a
     * newer base image, replace the builder on purpose (`pulumi up --replace <builder URN>`).
     * @example { latestMatching: "^AppStream-WinServer2022-" }
     */
    image: ImageSource;
    /** Network: the builder runs in the first subnet. */
    network: NetworkArgs;
    /** Give the builder a public route to the internet. An explicit, insecure opt-out. @default false */
    enableDefaultInternetAccess?: boolean;
    /** IAM role the builder's instance assumes (e.g. to read installers from S3). */
    iamRoleArn?: pulumi.Input<string>;
    /**
     * Stream through an interface VPC endpoint (`com.amazonaws.<region>.appstream.streaming`)
     * instead of the internet, created in `network.subnetIds` with a security group that admits
     * the streaming ports (TCP 443 and 1400–1499) from `clientCidrBlocks` only.
     * @default - streaming over the internet
     * @example { clientCidrBlocks: ["10.0.0.0/8"] }
     */
    privateStreamingEndpoint?: { clientCidrBlocks: string[] };
    /** An existing streaming interface endpoint (`vpce-…`) to connect through; not with `privateStreamingEndpoint`. */
    streamingEndpointId?: pulumi.Input<string>;
    /** Join the builder to an Active Directory domain. */
    domainJoin?: DomainJoinArgs;
    /**
     * AppStream agent version. With "LATEST" the builder is not replaced when AWS reports the
     * concrete version it installed. @default "LATEST"
     */
    appstreamAgentVersion?: string;
    /** Up to 256 characters. */
    description?: string;
    /** Up to 100 characters. */
    displayName?: string;
    tags?: Tags;
}

/** How to finish the manual part: connect, install the application, create the image. */
export interface ImageBuilderSteps {
    /** The builder's page in the AppStream console ("Connect"). */
    consoleUrl: string;
    /** CLI command that prints a one-time URL to connect to the builder. */
    connectCommand: string;
    /** What to run inside the builder once the application is installed and tested. */
    createImageCommand: string;
    /**
     * Managed image update: a new image with the latest Windows, driver and agent updates, made
     * from an existing image without a builder; set the fleet's `image.name` to the new name.
     */
    updateImageCommand: string;
}

/**
 * An AppStream image builder (seed steps 1–3): the instance on which you install and test the
 * application, then create the image that fleets stream. Installing the application is manual in
 * AppStream; `steps` tells how to connect and create the image.
 */
export class ImageBuilder extends pulumi.ComponentResource {
    public readonly name: pulumi.Output<string>;
    public readonly arn: pulumi.Output<string>;
    public readonly steps: pulumi.Output<ImageBuilderSteps>;
    public readonly imageBuilder: aws.appstream.ImageBuilder;
    public readonly securityGroup?: aws.ec2.SecurityGroup;
    public readonly directoryConfig?: aws.appstream.DirectoryConfig;
    public readonly streamingEndpoint?: aws.ec2.VpcEndpoint;

    constructor(name: string, args: ImageBuilderArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(IMAGE_BUILDER_TYPE, name, args);
        // Checked before anything registers: a refused `pulumi up` creates nothing, not even this component.
        validateImageBuilderArgs(name, args);
        super(IMAGE_BUILDER_TYPE, name, {}, opts);
        const tags = componentTags(IMAGE_BUILDER_TYPE, args.tags);

        const region = regionOf(this);
        const groups = securityGroupIdsOf(name, args.network, `AppStream image builder ${name}`, tags, this);
        this.securityGroup = groups.created;
        this.directoryConfig = directoryConfigOf(name, args.domainJoin, this);
        this.streamingEndpoint = args.privateStreamingEndpoint
            ? createStreamingEndpoint(name, args.network, args.privateStreamingEndpoint.clientCidrBlocks, region, tags, this)
            : undefined;
        const endpointId = this.streamingEndpoint?.id ?? args.streamingEndpointId;
        const agentVersion = args.appstreamAgentVersion ?? "LATEST";

        this.imageBuilder = new aws.appstream.ImageBuilder(
            childName(name, "builder"),
            {
                instanceType: args.instanceType,
                ...imageInputs(args.image, this),
                vpcConfig: { subnetIds: [pulumi.output(args.network.subnetIds).apply((ids) => ids[0])], securityGroupIds: groups.ids },
                enableDefaultInternetAccess: args.enableDefaultInternetAccess ?? false,
                iamRoleArn: args.iamRoleArn,
                accessEndpoints: endpointId ? [{ endpointType: "STREAMING", vpceId: endpointId }] : undefined,
                domainJoinInfo: domainJoinInfo(args.domainJoin),
                appstreamAgentVersion: agentVersion,
                description: args.description,
                displayName: args.displayName,
                tags,
            },
            {
                parent: this,
                dependsOn: [...(this.directoryConfig ? [this.directoryConfig] : []), ...plainDependsOn(opts)],
                // Every builder input is ForceNew: neither a newer base image found by `latestMatching`
                // nor the concrete version AWS reports for "LATEST" may destroy the builder and its work.
                ignoreChanges: builderIgnoredChanges(args.image, agentVersion),
            },
        );

        this.name = this.imageBuilder.name;
        this.arn = this.imageBuilder.arn;
        this.steps = pulumi.all([this.imageBuilder.name, region]).apply(([builder, r]) => imageBuilderSteps(builder, r));
        this.registerOutputs({ name: this.name, arn: this.arn, steps: this.steps });
    }
}

/** Inputs of the builder that a later deployment must not change. */
export function builderIgnoredChanges(image: ImageSource, agentVersion: string): string[] {
    return [...("latestMatching" in image ? ["imageArn"] : []), ...(agentVersion === "LATEST" ? ["appstreamAgentVersion"] : [])];
}

/** The console link and commands for the manual image step. */
export function imageBuilderSteps(builder: string, region: string): ImageBuilderSteps {
    return {
        consoleUrl: `https://${region}.console.aws.amazon.com/appstream2/home?region=${region}#/images`,
        connectCommand: `aws appstream create-image-builder-streaming-url --name ${builder} --region ${region}`,
        createImageCommand:
            `Inside the builder, after installing and testing the application and adding it in Image Assistant: ` +
            `"C:\\Program Files\\Amazon\\Photon\\ConsoleImageBuilder\\image-assistant.exe" create-image --name <image-name> ` +
            `(Linux builders: AppStreamImageAssistant create-image --name <image-name>). The builder stops while the image is made.`,
        updateImageCommand: `aws appstream create-updated-image --existing-image-name <image-name> --new-image-name <new-image-name> --region ${region}`,
    };
}

/** The ports users' clients stream on through an interface endpoint. */
export const STREAMING_ENDPOINT_INGRESS = [
    { protocol: "tcp", fromPort: 443, toPort: 443 },
    { protocol: "tcp", fromPort: 1400, toPort: 1499 },
];

/** An interface endpoint for AppStream streaming, reachable from `clientCidrBlocks` only. */
export function createStreamingEndpoint(
    name: string,
    network: NetworkArgs,
    clientCidrBlocks: string[],
    region: pulumi.Output<string>,
    tags: Tags,
    parent: pulumi.Resource,
): aws.ec2.VpcEndpoint {
    const endpointGroup = new aws.ec2.SecurityGroup(
        childName(name, "streaming-endpoint-sg"),
        {
            vpcId: network.vpcId!,
            description: `AppStream streaming endpoint of ${name}: clients only`,
            ingress: STREAMING_ENDPOINT_INGRESS.map((rule) => ({ ...rule, cidrBlocks: clientCidrBlocks, description: "AppStream streaming from clients" })),
            egress: [],
            tags,
        },
        { parent },
    );
    return new aws.ec2.VpcEndpoint(
        childName(name, "streaming-endpoint"),
        {
            vpcId: network.vpcId!,
            vpcEndpointType: "Interface",
            serviceName: pulumi.interpolate`com.amazonaws.${region}.appstream.streaming`,
            subnetIds: network.subnetIds,
            securityGroupIds: [endpointGroup.id],
            privateDnsEnabled: true,
            tags,
        },
        { parent },
    );
}

/** Checks the client networks of a private streaming endpoint. */
export function validateStreamingEndpoint(endpoint: { clientCidrBlocks: string[] } | undefined, path: string, problems: ArgumentProblems): void {
    if (!endpoint) {
        return;
    }
    const cidrs = endpoint.clientCidrBlocks ?? [];
    problems.require(cidrs.length > 0, `${path}.clientCidrBlocks`, "list the networks users stream from, e.g. ['10.0.0.0/8']");
    for (const [i, cidr] of cidrs.entries()) {
        problems.require(
            isIpv4Cidr(cidr) && cidr !== "0.0.0.0/0",
            `${path}.clientCidrBlocks[${i}]`,
            `${show(cidr)} must be an IPv4 CIDR block narrower than 0.0.0.0/0 (a private endpoint exists to keep streams off the internet)`,
        );
    }
}

/** Everything of a builder's arguments but the network (the composite checks its shared network once). */
export function checkImageBuilderArgs(args: Omit<ImageBuilderArgs, "network">, problems: ArgumentProblems): void {
    validateInstanceType(args.instanceType, problems, true);
    validateImage(args.image, args.instanceType, "image", problems);
    validateStreamingEndpoint(args.privateStreamingEndpoint, "privateStreamingEndpoint", problems);
    problems.require(
        !(args.privateStreamingEndpoint && args.streamingEndpointId),
        "streamingEndpointId",
        "give either `privateStreamingEndpoint` (one is created) or `streamingEndpointId` (an existing one), not both",
    );
    validateDomainJoin(args.domainJoin, "domainJoin", problems);
    if (args.appstreamAgentVersion !== undefined) {
        problems.require(
            args.appstreamAgentVersion.length >= 1 && args.appstreamAgentVersion.length <= 100,
            "appstreamAgentVersion",
            `${show(args.appstreamAgentVersion)} must be 1–100 characters: 'LATEST' or a version such as '10-20-2025'`,
        );
    }
    validateLabels(args, problems);
}

function validateImageBuilderArgs(name: string, args: ImageBuilderArgs): void {
    const problems = new ArgumentProblems(IMAGE_BUILDER_TYPE, name);
    checkImageBuilderArgs(args, problems);
    validateNetwork(args.network, !hasOwnGroups(args.network) || !!args.privateStreamingEndpoint, problems);
    if (args.domainJoin) {
        requireJoinGroups("domainJoin", hasOwnGroups(args.network), problems);
    }
    problems.throwIfAny();
}
