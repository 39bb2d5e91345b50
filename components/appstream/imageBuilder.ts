import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, componentTags, isIpv4Cidr, isPlain, parseArn, show, Tags } from "../shared";
import { createDirectoryConfig, DomainJoinArgs, domainJoinInfo, validateDomainJoin } from "./domainJoin";
import { INSTANCE_FAMILIES, isGpuImageName, isGpuInstanceType, isInstanceType } from "./instanceTypes";
import { NetworkArgs, securityGroupIdsOf } from "./network";
import { checkArguments } from "../arguments";

export const IMAGE_BUILDER_TYPE = "aws-euc:appstream:ImageBuilder";

/** The image a builder or fleet starts from. */
export type ImageSource =
    /** An image by name (yours, or an AWS base image such as `AppStream-WinServer2022-06-17-2025`). */
    | { name: pulumi.Input<string> }
    /** An image by ARN. */
    | { arn: pulumi.Input<string> }
    /** The newest AWS base image whose name matches this regular expression, looked up once. */
    | { latestMatching: string };

/** Arguments of {@link ImageBuilder}. */
export interface ImageBuilderArgs {
    /**
     * Instance type: `stream.standard.*`, `stream.compute.*`, `stream.memory.*` (CPU) or
     * `stream.graphics*` (GPU, for graphics images), e.g. `stream.standard.medium`.
     */
    instanceType: string;
    /**
     * The base image.
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
    /** Join the builder to an Active Directory domain. */
    domainJoin?: DomainJoinArgs;
    /** AppStream agent version. @default "LATEST" */
    appstreamAgentVersion?: string;
    description?: string;
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
        super(IMAGE_BUILDER_TYPE, name, {}, opts);
        checkArguments(IMAGE_BUILDER_TYPE, name, args);
        validateImageBuilderArgs(name, args);
        const tags = componentTags(IMAGE_BUILDER_TYPE, args.tags);

        const region = aws.getRegionOutput({}, { parent: this }).region;
        const groups = securityGroupIdsOf(name, args.network, `AppStream image builder ${name}`, tags, this);
        this.securityGroup = groups.created;
        this.directoryConfig = createDirectoryConfig(name, args.domainJoin, this);
        this.streamingEndpoint = args.privateStreamingEndpoint
            ? createStreamingEndpoint(name, args.network, args.privateStreamingEndpoint.clientCidrBlocks, region, tags, this)
            : undefined;

        this.imageBuilder = new aws.appstream.ImageBuilder(
            childName(name, "builder"),
            {
                instanceType: args.instanceType,
                ...imageInputs(args.image, this),
                vpcConfig: { subnetIds: [pulumi.output(args.network.subnetIds).apply((ids) => ids[0])], securityGroupIds: groups.ids },
                enableDefaultInternetAccess: args.enableDefaultInternetAccess ?? false,
                iamRoleArn: args.iamRoleArn,
                accessEndpoints: this.streamingEndpoint ? [{ endpointType: "STREAMING", vpceId: this.streamingEndpoint.id }] : undefined,
                domainJoinInfo: domainJoinInfo(args.domainJoin),
                appstreamAgentVersion: args.appstreamAgentVersion ?? "LATEST",
                description: args.description,
                displayName: args.displayName,
                tags,
            },
            { parent: this, dependsOn: this.directoryConfig ? [this.directoryConfig] : [] },
        );

        this.name = this.imageBuilder.name;
        this.arn = this.imageBuilder.arn;
        this.steps = pulumi.all([this.imageBuilder.name, region]).apply(([builder, r]) => imageBuilderSteps(builder, r));
        this.registerOutputs({ name: this.name, arn: this.arn, steps: this.steps });
    }
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
    };
}

/** `imageName`/`imageArn` inputs; the latest matching AWS image is looked up once. */
export function imageInputs(image: ImageSource, parent: pulumi.Resource): { imageName?: pulumi.Input<string>; imageArn?: pulumi.Input<string> } {
    if ("name" in image) {
        return { imageName: image.name };
    }
    if ("arn" in image) {
        return { imageArn: image.arn };
    }
    const found = aws.appstream.getImageOutput({ nameRegex: image.latestMatching, type: "PUBLIC", mostRecent: true }, { parent });
    return { imageArn: found.arn };
}

/** The ports users' clients stream on through an interface endpoint. */
export const STREAMING_ENDPOINT_INGRESS = [
    { protocol: "tcp", fromPort: 443, toPort: 443 },
    { protocol: "tcp", fromPort: 1400, toPort: 1499 },
];

function createStreamingEndpoint(
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

/** Checks the image source and the instance type against it. */
export function validateImage(image: ImageSource | undefined, instanceType: string, path: string, problems: ArgumentProblems): void {
    const kinds = image ? ["name" in image, "arn" in image, "latestMatching" in image].filter(Boolean).length : 0;
    if (!image || !problems.require(kinds === 1, path, "set exactly one of `name`, `arn` or `latestMatching`")) {
        if (!image) {
            problems.add(path, "is required: set `name`, `arn` or `latestMatching`");
        }
        return;
    }
    if ("arn" in image && isPlain(image.arn)) {
        const arn = parseArn(image.arn);
        problems.require(
            arn?.service === "appstream" && arn.resource.startsWith("image/"),
            `${path}.arn`,
            `${show(image.arn)} is not an AppStream image ARN (arn:aws:appstream:<region>:<account|aws>:image/<name>)`,
        );
    }
    if ("latestMatching" in image) {
        try {
            new RegExp(image.latestMatching);
        } catch {
            problems.add(`${path}.latestMatching`, `${show(image.latestMatching)} is not a regular expression`);
        }
    }
    const knownName = "name" in image && isPlain(image.name) ? image.name : "latestMatching" in image ? image.latestMatching : undefined;
    if (knownName !== undefined && isGpuImageName(knownName) && isInstanceType(instanceType)) {
        problems.require(
            isGpuInstanceType(instanceType),
            "instanceType",
            `${show(instanceType)} has no GPU but the image ${show(knownName)} is a graphics image; use a stream.graphics* instance type`,
        );
    }
}

/** Checks an instance type name. */
export function validateInstanceType(type: string, problems: ArgumentProblems): void {
    problems.require(
        isInstanceType(type),
        "instanceType",
        `${show(type)} is not an AppStream instance type; use a stream.* type such as 'stream.standard.medium', ` +
            `'stream.compute.large', 'stream.memory.large' or 'stream.graphics.g4dn.xlarge' (families: ${Object.keys(INSTANCE_FAMILIES).join(", ")})`,
    );
}

/** Checks the network: subnets, and a VPC when something must be created in it. */
export function validateNetwork(network: NetworkArgs | undefined, needsVpc: boolean, problems: ArgumentProblems): void {
    const subnets = network?.subnetIds;
    if (!problems.require(subnets !== undefined && (!isPlain(subnets) || subnets.length > 0), "network.subnetIds", "at least one subnet of your VPC is required: AppStream instances run in your VPC")) {
        return;
    }
    problems.require(
        !needsVpc || network!.vpcId !== undefined,
        "network.vpcId",
        "is required to create the security group or the streaming endpoint; pass `vpcId` or `securityGroupIds`",
    );
}

function validateImageBuilderArgs(name: string, args: ImageBuilderArgs): void {
    const problems = new ArgumentProblems(IMAGE_BUILDER_TYPE, name);
    validateInstanceType(args.instanceType, problems);
    validateImage(args.image, args.instanceType, "image", problems);
    validateNetwork(args.network, !args.network?.securityGroupIds?.length || !!args.privateStreamingEndpoint, problems);
    if (args.privateStreamingEndpoint) {
        const cidrs = args.privateStreamingEndpoint.clientCidrBlocks ?? [];
        problems.require(cidrs.length > 0, "privateStreamingEndpoint.clientCidrBlocks", "list the networks users stream from, e.g. ['10.0.0.0/8']");
        for (const [i, cidr] of cidrs.entries()) {
            problems.require(
                isIpv4Cidr(cidr) && cidr !== "0.0.0.0/0",
                `privateStreamingEndpoint.clientCidrBlocks[${i}]`,
                `${show(cidr)} must be an IPv4 CIDR block narrower than 0.0.0.0/0 (a private endpoint exists to keep streams off the internet)`,
            );
        }
    }
    validateDomainJoin(args.domainJoin, "domainJoin", problems, !!args.network?.securityGroupIds?.length);
    problems.throwIfAny();
}
