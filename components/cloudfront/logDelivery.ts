import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDFRONT_REGION, Tags } from "../shared";
import { awsSafeName } from "./awsNames";
import type { LogDeliveryOptions } from "./distributionArgs";

/** What {@link createLogDelivery} made. */
export interface LogDelivery {
    source: aws.cloudwatch.LogDeliverySource;
    destination: aws.cloudwatch.LogDeliveryDestination;
    delivery: aws.cloudwatch.LogDelivery;
}

/**
 * CloudFront standard logging v2: the distribution as a delivery source of `ACCESS_LOGS` (in
 * us-east-1, where CloudFront's vended logs live), a delivery destination for the given ARN, and
 * the delivery between them. Source and destination names are at most 60 of `[\w-]`.
 */
export function createLogDelivery(
    name: string,
    options: LogDeliveryOptions,
    distributionArn: pulumi.Input<string>,
    tags: Tags,
    parent: pulumi.Resource,
): LogDelivery {
    // 30 + "-access-logs-to" + the provider's 8-character suffix stays within 60.
    const base = awsSafeName(name, 30);
    const source = new aws.cloudwatch.LogDeliverySource(
        `${base}-access-logs`,
        { region: CLOUDFRONT_REGION, logType: "ACCESS_LOGS", resourceArn: distributionArn, tags },
        { parent },
    );
    const destination = new aws.cloudwatch.LogDeliveryDestination(
        `${base}-access-logs-to`,
        {
            region: CLOUDFRONT_REGION,
            outputFormat: options.outputFormat ?? "json",
            deliveryDestinationConfiguration: { destinationResourceArn: options.destinationArn },
            tags,
        },
        { parent },
    );
    const delivery = new aws.cloudwatch.LogDelivery(
        `${base}-access-logs-delivery`,
        {
            region: CLOUDFRONT_REGION,
            deliverySourceName: source.name,
            deliveryDestinationArn: destination.arn,
            recordFields: options.recordFields,
            tags,
        },
        { parent },
    );
    return { source, destination, delivery };
}
