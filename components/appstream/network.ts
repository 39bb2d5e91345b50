import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, Tags } from "../shared";

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
     * controllers).
     * @default - a group with no inbound rules and egress limited to HTTPS and DNS
     */
    securityGroupIds?: pulumi.Input<string>[];
}

/**
 * Egress that streaming instances and image builders need by default: HTTPS (AppStream agent,
 * Windows and app updates, licensing) and DNS. Users' streams arrive through the AppStream
 * gateway, so no inbound rule is needed.
 */
export const DEFAULT_EGRESS: aws.types.input.ec2.SecurityGroupEgress[] = [
    { description: "HTTPS: agent, updates, licensing", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
    { description: "DNS", protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] },
    { description: "DNS over TCP", protocol: "tcp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] },
];

/** A security group with no inbound rule and only {@link DEFAULT_EGRESS}. */
export function createStreamingSecurityGroup(
    name: string,
    vpcId: pulumi.Input<string>,
    description: string,
    tags: Tags,
    parent: pulumi.Resource,
): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(
        childName(name, "sg"),
        { vpcId, description, ingress: [], egress: DEFAULT_EGRESS, tags },
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
    if (network.securityGroupIds && network.securityGroupIds.length > 0) {
        return { ids: network.securityGroupIds };
    }
    const created = createStreamingSecurityGroup(name, network.vpcId!, description, tags, parent);
    return { ids: [created.id], created };
}
