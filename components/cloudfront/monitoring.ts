import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmTarget, childName, CLOUDFRONT_REGION, createAlarm, nameKey, Tags } from "../shared";
import type { MonitoringOptions } from "./distributionArgs";

export const DEFAULT_5XX_RATE_PERCENT = 5;
export const DEFAULT_4XX_RATE_PERCENT = 15;
export const DEFAULT_EVALUATION_PERIODS = 3;

/** What {@link createMonitoring} made. */
export interface Monitoring {
    subscription?: aws.cloudfront.MonitoringSubscription;
    topic?: aws.sns.Topic;
    /** Email subscriptions of the created topic. */
    emailSubscriptions: aws.sns.TopicSubscription[];
    alarms: aws.cloudwatch.MetricAlarm[];
    dashboard?: aws.cloudwatch.Dashboard;
}

/** The CloudFront metrics charted on the dashboard (namespace `AWS/CloudFront`, `Region=Global`). */
/**
 * The dashboard body: traffic, error rates and, with a web ACL, what WAF allowed and blocked.
 * Everything is in us-east-1, where CloudFront and WAF (scope CLOUDFRONT) publish their metrics.
 */
export function distributionDashboard(distributionId: string, webAclName: string | undefined): string {
    const cf = (metric: string, stat: string) => ["AWS/CloudFront", metric, "DistributionId", distributionId, "Region", "Global", { stat }];
    const waf = (metric: string) => ["AWS/WAFV2", metric, "WebACL", webAclName, "Rule", "ALL", { stat: "Sum" }];
    const widget = (x: number, y: number, title: string, metrics: unknown[]) => ({
        type: "metric",
        x,
        y,
        width: 12,
        height: 6,
        properties: { title, region: CLOUDFRONT_REGION, period: 300, metrics },
    });
    return JSON.stringify({
        widgets: [
            widget(0, 0, "Requests and bytes", [cf("Requests", "Sum"), [...cf("BytesDownloaded", "Sum").slice(0, 6), { stat: "Sum", yAxis: "right" }]]),
            widget(12, 0, "Error rates (%)", [cf("4xxErrorRate", "Average"), cf("5xxErrorRate", "Average"), cf("TotalErrorRate", "Average")]),
            ...(webAclName ? [widget(0, 6, "WAF allowed and blocked", [waf("AllowedRequests"), waf("BlockedRequests"), waf("CountedRequests")])] : []),
        ],
    });
}

/**
 * Error-rate alarms in us-east-1 (CloudFront publishes its metrics there, with the dimensions
 * `DistributionId` and `Region=Global`), an optional SNS topic, and the additional metrics.
 */
export function createMonitoring(
    name: string,
    options: MonitoringOptions,
    distributionId: pulumi.Output<string>,
    webAclName: pulumi.Output<string> | undefined,
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
    // A topic nobody subscribes to makes alarms that notify nobody: validation requires addresses.
    const topic = target.topic;
    const emailSubscriptions = topic
        ? (options.alarmEmails ?? []).map(
              (email) =>
                  new aws.sns.TopicSubscription(
                      childName(name, "alarms", nameKey(email.toLowerCase())),
                      { region: CLOUDFRONT_REGION, topic: topic.arn, protocol: "email", endpoint: email },
                      { parent },
                  ),
          )
        : [];
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
    const dashboard =
        options.dashboard === false
            ? undefined
            : new aws.cloudwatch.Dashboard(
                  childName(name, "dashboard"),
                  {
                      region: CLOUDFRONT_REGION,
                      dashboardName: pulumi.interpolate`cloudfront-${distributionId}`,
                      dashboardBody: pulumi.all([distributionId, webAclName]).apply(([id, acl]) => distributionDashboard(id, acl)),
                  },
                  { parent },
              );
    return { subscription, topic, emailSubscriptions, alarms, dashboard };
}
