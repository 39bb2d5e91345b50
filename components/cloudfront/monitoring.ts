import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmTarget, childName, CLOUDFRONT_REGION, createAlarm, Tags } from "../shared";
import type { MonitoringOptions } from "./distributionArgs";

export const DEFAULT_5XX_RATE_PERCENT = 5;
export const DEFAULT_4XX_RATE_PERCENT = 15;
export const DEFAULT_EVALUATION_PERIODS = 3;

/** What {@link createMonitoring} made. */
export interface Monitoring {
    subscription?: aws.cloudfront.MonitoringSubscription;
    topic?: aws.sns.Topic;
    alarms: aws.cloudwatch.MetricAlarm[];
}

/**
 * Error-rate alarms in us-east-1 (CloudFront publishes its metrics there, with the dimensions
 * `DistributionId` and `Region=Global`), an optional SNS topic, and the additional metrics.
 */
export function createMonitoring(
    name: string,
    options: MonitoringOptions,
    distributionId: pulumi.Output<string>,
    tags: Tags,
    parent: pulumi.Resource,
): Monitoring {
    const subscription = options.additionalMetrics
        ? new aws.cloudfront.MonitoringSubscription(
              childName(name, "metrics"),
              {
                  distributionId,
                  monitoringSubscription: { realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: "Enabled" } },
              },
              { parent },
          )
        : undefined;
    const target = alarmTarget(name, options, tags, parent, CLOUDFRONT_REGION);
    const alarm = (metric: "5xxErrorRate" | "4xxErrorRate", threshold: number) =>
        createAlarm(
            name,
            {
                role: `${metric.slice(0, 3).toLowerCase()}-error-rate`,
                region: CLOUDFRONT_REGION,
                description: `${metric} of CloudFront distribution ${name} above ${threshold}%`,
                namespace: "AWS/CloudFront",
                metricName: metric,
                dimensions: { DistributionId: distributionId, Region: "Global" },
                statistic: "Average",
                evaluationPeriods: options.evaluationPeriods ?? DEFAULT_EVALUATION_PERIODS,
                threshold,
            },
            target,
            tags,
            parent,
        );
    const alarms = [
        alarm("5xxErrorRate", options.error5xxRatePercent ?? DEFAULT_5XX_RATE_PERCENT),
        alarm("4xxErrorRate", options.error4xxRatePercent ?? DEFAULT_4XX_RATE_PERCENT),
    ];
    return { subscription, topic: target.topic, alarms };
}
