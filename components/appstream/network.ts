import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentProblems, childName, isIpv4Cidr, isPlain, show, Tags } from "../shared";

/** Where streaming instances run: subnets of your VPC and the security groups they use. */
export interface NetworkArgs {
    /** The VPC, needed when the component creates the security group or a VPC endpoint. */
    vpcId?: pulumi.Input<string>;
    /**
     * Subnets in different Availability Zones (an image builder uses the first). An output such as
     * `vpc.privateSubnetIds` is accepted.
     */
    subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Security groups of the instances (required with a domain join: they must reach the domain
     * controllers). When given, the `allowHttp` and `dnsServers` options do not apply.
     * @default - a group with no inbound rule and egress limited to HTTPS
     */
    securityGroupIds?: pulumi.Input<string>[];
    /**
     * Also allow TCP 80 out from the created group: certificate revocation lists (CRL/OCSP) and
     * installers that download over plain HTTP. @default false
     */
    allowHttp?: boolean;
    /**
     * DNS servers of your own (CIDR blocks, e.g. `10.0.0.10/32`) that the created group may reach
     * on port 53. The VPC's Amazon-provided resolver needs no rule: security groups do not filter
     * it, and DNS to 0.0.0.0/0 would only open a tunnelling path. @default - none
     */
    dnsServers?: string[];
}

/**
 * Egress that streaming instances and image builders need by default: HTTPS (AppStream agent,
 * Windows and app updates, licensing, S3 home folders). Users' streams arrive through the
 * AppStream gateway, so no inbound rule is needed; DNS to the VPC resolver is not filtered by
 * security groups, so no DNS rule is needed either.
 */
export const DEFAULT_EGRESS: aws.types.input.ec2.SecurityGroupEgress[] = [
    { description: "HTTPS: agent, updates, licensing", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
];

/** The created group's egress: {@link DEFAULT_EGRESS}, plus HTTP and your DNS servers when asked. */
export function streamingEgress(network: Pick<NetworkArgs, "allowHttp" | "dnsServers">): aws.types.input.ec2.SecurityGroupEgress[] {
    const egress = [...DEFAULT_EGRESS];
    if (network.allowHttp) {
        egress.push({ description: "HTTP: CRL/OCSP and installers", protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] });
    }
    if (network.dnsServers?.length) {
        egress.push(
            { description: "DNS to your servers", protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: network.dnsServers },
            { description: "DNS over TCP to your servers", protocol: "tcp", fromPort: 53, toPort: 53, cidrBlocks: network.dnsServers },
        );
    }
    return egress;
}

/** A security group with no inbound rule and only {@link streamingEgress}. */
export function createStreamingSecurityGroup(
    name: string,
    network: NetworkArgs,
    description: string,
    tags: Tags,
    parent: pulumi.Resource,
): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(
        childName(name, "sg"),
        { vpcId: network.vpcId!, description, ingress: [], egress: streamingEgress(network), tags },
        { parent },
    );
}

/** The security groups to use: the given ones, or a created one. */
export function securityGroupIdsOf(
    name: string,
    network: NetworkArgs,
    description: string,
    tags: Tags,
    parent: pulumi.Resource,
): { ids: pulumi.Input<string>[]; created?: aws.ec2.SecurityGroup } {
    if (hasOwnGroups(network)) {
        return { ids: network.securityGroupIds! };
    }
    const created = createStreamingSecurityGroup(name, network, description, tags, parent);
    return { ids: [created.id], created };
}

/** True when the caller brings security groups. */
export function hasOwnGroups(network: NetworkArgs | undefined): boolean {
    return !!network?.securityGroupIds?.length;
}

/** Checks the network: subnets, a VPC when something must be created in it, the group options. */
export function validateNetwork(network: NetworkArgs | undefined, needsVpc: boolean, problems: ArgumentProblems): void {
    const subnets = network?.subnetIds;
    if (!problems.require(subnets !== undefined && (!isPlain(subnets) || subnets.length > 0), "network.subnetIds", "at least one subnet of your VPC is required: AppStream instances run in your VPC")) {
        return;
    }
    problems.require(
        !needsVpc || network!.vpcId !== undefined,
        "network.vpcId",
        "is required to create the security group or a VPC endpoint; pass `vpcId` or `securityGroupIds`",
    );
    for (const [i, cidr] of (network!.dnsServers ?? []).entries()) {
        problems.require(
            isIpv4Cidr(cidr) && cidr !== "0.0.0.0/0",
            `network.dnsServers[${i}]`,
            `${show(cidr)} must be the CIDR block of your DNS servers, e.g. '10.0.0.10/32' (not 0.0.0.0/0: the VPC resolver needs no rule)`,
        );
    }
    if (hasOwnGroups(network)) {
        problems.require(!network!.allowHttp && !network!.dnsServers?.length, "network.securityGroupIds", "`allowHttp` and `dnsServers` shape the created group; with your own groups, add those rules to them");
    }
}
