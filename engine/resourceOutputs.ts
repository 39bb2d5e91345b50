import { MockCloud, stableHex, stableUpperId, stableUuid } from "./cloud";

type State = Record<string, unknown>;
type Inputs = Record<string, any>;

/** What a mocked resource returns: its id and its output properties. */
export interface MockedResource {
    id: string | undefined;
    state: State;
}

interface Context {
    cloud: MockCloud;
    type: string;
    name: string;
    inputs: Inputs;
    /** The resource's region: its `region` input or the stack's. */
    region: string;
}

/** The provider's auto-name: the logical name plus a 7-character suffix, or `<field>Prefix` plus a unique id. */
function autoName(ctx: Context, field = "name"): string {
    const prefix = ctx.inputs[`${field}Prefix`];
    if (ctx.inputs[field] === undefined && typeof prefix === "string") {
        return `${prefix}${stableHex(26, ctx.type, ctx.name)}`;
    }
    return ctx.inputs[field] ?? `${ctx.name}-${stableHex(7, ctx.type, ctx.name)}`;
}

function bucketState(ctx: Context): MockedResource {
    const bucket = autoName(ctx, "bucket").toLowerCase();
    return {
        id: bucket,
        state: {
            bucket,
            arn: `arn:aws:s3:::${bucket}`,
            bucketDomainName: `${bucket}.s3.amazonaws.com`,
            bucketRegionalDomainName: `${bucket}.s3.${ctx.region}.amazonaws.com`,
            region: ctx.region,
            ...(ctx.inputs.website ? { websiteEndpoint: `${bucket}.s3-website.${ctx.region}.amazonaws.com`, websiteDomain: `s3-website.${ctx.region}.amazonaws.com` } : {}),
        },
    };
}

/** S3 website endpoints: `<bucket>.s3-website.<region>.amazonaws.com` (the dash form of newer regions). */
function websiteState(ctx: Context): MockedResource {
    const bucket = String(ctx.inputs.bucket);
    const websiteDomain = `s3-website.${ctx.region}.amazonaws.com`;
    return { id: bucket, state: { websiteDomain, websiteEndpoint: `${bucket}.${websiteDomain}` } };
}

function distributionState(ctx: Context): MockedResource {
    const id = stableUpperId("E", 13, ctx.name);
    return {
        id,
        state: {
            arn: `arn:aws:cloudfront::${ctx.cloud.account}:distribution/${id}`,
            domainName: `d${stableHex(13, ctx.name)}.cloudfront.net`,
            hostedZoneId: "Z2FDTNDATAQYW2",
            status: "Deployed",
            etag: stableUpperId("E", 14, "etag", ctx.name),
        },
    };
}

/** ACM answers one CNAME per distinct validation name: `x` and `*.x` share a record. */
function certificateState(ctx: Context): MockedResource {
    const id = stableUuid(ctx.name);
    const names: string[] = [ctx.inputs.domainName, ...(ctx.inputs.subjectAlternativeNames ?? [])];
    return {
        id: `arn:aws:acm:${ctx.region}:${ctx.cloud.account}:certificate/${id}`,
        state: {
            arn: `arn:aws:acm:${ctx.region}:${ctx.cloud.account}:certificate/${id}`,
            status: "PENDING_VALIDATION",
            domainValidationOptions: names.map((domainName) => {
                const base = domainName.replace(/^\*\./, "");
                return {
                    domainName,
                    resourceRecordName: `_${stableHex(32, "name", base)}.${base}.`,
                    resourceRecordType: "CNAME",
                    resourceRecordValue: `_${stableHex(32, "value", base)}.mhbtsbpdnt.acm-validations.aws.`,
                };
            }),
        },
    };
}

function webAclState(ctx: Context): MockedResource {
    const id = stableUuid(ctx.name);
    const name = autoName(ctx);
    const scope = ctx.inputs.scope === "CLOUDFRONT" ? "global" : "regional";
    return {
        id,
        state: { name, arn: `arn:aws:wafv2:${ctx.region}:${ctx.cloud.account}:${scope}/webacl/${name}/${id}`, capacity: 950 },
    };
}

function recordState(ctx: Context): MockedResource {
    const fqdn = String(ctx.inputs.name).replace(/\.$/, "");
    return { id: `${ctx.inputs.zoneId}_${fqdn}_${ctx.inputs.type}`, state: { fqdn } };
}

function withArn(id: string, arn: string, extra: State = {}): MockedResource {
    return { id, state: { arn, ...extra } };
}

/** AppStream resources are named (auto-named here) and their ARN ends with the name. */
function appstreamNamed(ctx: Context, kind: string, extra: State = {}): MockedResource {
    const name = autoName(ctx);
    return withArn(name, `arn:aws:appstream:${ctx.region}:${ctx.cloud.account}:${kind}/${name}`, { name, ...extra });
}

/** Output properties by resource type. Types not listed get an id and a generic ARN. */
const TABLE: Record<string, (ctx: Context) => MockedResource> = {
    "aws:s3/bucket:Bucket": bucketState,
    "aws:cloudfront/distribution:Distribution": distributionState,
    "aws:acm/certificate:Certificate": certificateState,
    "aws:acm/certificateValidation:CertificateValidation": (ctx) => ({
        id: String(ctx.inputs.certificateArn),
        state: { certificateArn: ctx.inputs.certificateArn },
    }),
    "aws:wafv2/webAcl:WebAcl": webAclState,
    "aws:route53/record:Record": recordState,
    "aws:route53/zone:Zone": (ctx) => {
        const zoneId = stableUpperId("Z", 20, "zone", String(ctx.inputs.name).replace(/\.$/, ""));
        return withArn(zoneId, `arn:aws:route53:::hostedzone/${zoneId}`, {
            zoneId,
            nameServers: [1, 2, 3, 4].map((n) => `ns-${n}.awsdns-${n}.org`),
        });
    },
    "aws:cloudfront/originAccessControl:OriginAccessControl": (ctx) => ({
        id: stableUpperId("E", 13, ctx.name),
        state: { name: autoName(ctx), etag: stableUpperId("E", 14, "etag", ctx.name) },
    }),
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": (ctx) => ({ id: stableUuid(ctx.name), state: { name: autoName(ctx), etag: "E1" } }),
    "aws:cloudfront/cachePolicy:CachePolicy": (ctx) => ({ id: stableUuid(ctx.name), state: { name: autoName(ctx), etag: "E1" } }),
    "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": (ctx) => ({ id: stableUuid(ctx.name), state: { name: autoName(ctx), etag: "E1" } }),
    "aws:cloudfront/function:Function": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:cloudfront::${ctx.cloud.account}:function/${name}`, { name, etag: "E1", liveStageEtag: "E1" });
    },
    "aws:cloudfront/monitoringSubscription:MonitoringSubscription": (ctx) => ({ id: String(ctx.inputs.distributionId), state: {} }),
    "aws:sns/topic:Topic": (ctx) => {
        const name = autoName(ctx);
        const arn = `arn:aws:sns:${ctx.region}:${ctx.cloud.account}:${name}`;
        return withArn(arn, arn, { name });
    },
    "aws:cloudwatch/metricAlarm:MetricAlarm": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:cloudwatch:${ctx.region}:${ctx.cloud.account}:alarm:${name}`, { name });
    },
    "aws:lambda/functionUrl:FunctionUrl": (ctx) => {
        const urlId = stableHex(32, "function-url", ctx.name).replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]);
        return { id: String(ctx.inputs.functionName), state: { urlId, functionUrl: `https://${urlId}.lambda-url.${ctx.region}.on.aws/`, functionArn: `arn:aws:lambda:${ctx.region}:${ctx.cloud.account}:function:${ctx.inputs.functionName}` } };
    },
    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity": (ctx) => {
        const id = stableUpperId("E", 13, "oai", ctx.name);
        return {
            id,
            state: {
                cloudfrontAccessIdentityPath: `origin-access-identity/cloudfront/${id}`,
                iamArn: `arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${id}`,
                s3CanonicalUserId: stableHex(96, "oai-canonical", ctx.name),
                etag: stableUpperId("E", 14, "etag", ctx.name),
            },
        };
    },
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration": websiteState,
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2": websiteState,
    "aws:lambda/function:Function": (ctx) => {
        const name = autoName(ctx);
        const arn = `arn:aws:lambda:${ctx.region}:${ctx.cloud.account}:function:${name}`;
        return withArn(name, arn, { name, qualifiedArn: `${arn}:1`, version: "1", invokeArn: `arn:aws:apigateway:${ctx.region}:lambda:path/2015-03-31/functions/${arn}/invocations` });
    },
    "aws:iam/role:Role": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:iam::${ctx.cloud.account}:role/${name}`, { name, uniqueId: stableUpperId("AROA", 17, ctx.name) });
    },
    "aws:kms/key:Key": (ctx) => {
        const keyId = stableUuid(ctx.name);
        return withArn(keyId, `arn:aws:kms:${ctx.region}:${ctx.cloud.account}:key/${keyId}`, { keyId });
    },
    "aws:ec2/securityGroup:SecurityGroup": (ctx) => {
        const id = `sg-${stableHex(17, ctx.name)}`;
        return withArn(id, `arn:aws:ec2:${ctx.region}:${ctx.cloud.account}:security-group/${id}`, { name: autoName(ctx) });
    },
    "aws:appstream/fleet:Fleet": (ctx) => appstreamNamed(ctx, "fleet", { state: "STOPPED" }),
    "aws:appstream/stack:Stack": (ctx) => appstreamNamed(ctx, "stack"),
    "aws:appstream/imageBuilder:ImageBuilder": (ctx) => appstreamNamed(ctx, "image-builder", { state: "RUNNING" }),
    "aws:appstream/directoryConfig:DirectoryConfig": (ctx) => ({ id: String(ctx.inputs.directoryName), state: {} }),
    "aws:appstream/user:User": (ctx) => ({
        id: `${ctx.inputs.userName}/${ctx.inputs.authenticationType}`,
        state: { arn: `arn:aws:appstream:${ctx.region}:${ctx.cloud.account}:user/${ctx.inputs.authenticationType}/${ctx.inputs.userName}` },
    }),
    "aws:appautoscaling/target:Target": (ctx) => ({ id: String(ctx.inputs.resourceId), state: { arn: `arn:aws:application-autoscaling:${ctx.region}:${ctx.cloud.account}:scalable-target/${stableHex(20, ctx.name)}` } }),
    "aws:appautoscaling/policy:Policy": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:autoscaling:${ctx.region}:${ctx.cloud.account}:scalingPolicy:${stableUuid(ctx.name)}:resource/${ctx.inputs.resourceId}:policyName/${name}`, { name });
    },
    "aws:cloudwatch/dashboard:Dashboard": (ctx) => ({
        id: String(ctx.inputs.dashboardName),
        state: { dashboardArn: `arn:aws:cloudwatch::${ctx.cloud.account}:dashboard/${ctx.inputs.dashboardName}` },
    }),
    "aws:ec2/vpcEndpoint:VpcEndpoint": (ctx) => {
        const id = `vpce-${stableHex(17, ctx.name)}`;
        return withArn(id, `arn:aws:ec2:${ctx.region}:${ctx.cloud.account}:vpc-endpoint/${id}`, { dnsEntries: [{ dnsName: `${id}.appstream.${ctx.region}.vpce.amazonaws.com`, hostedZoneId: "Z7HUB22UULQXV" }] });
    },
    "random:index/randomPassword:RandomPassword": (ctx) => {
        // A stand-in with every character class, long as asked; the SDK marks it secret.
        const length = Number(ctx.inputs.length ?? 16);
        const result = `Aa1!${stableHex(Math.max(length - 4, 0), ctx.name)}`.slice(0, length);
        return { id: "none", state: { result, bcryptHash: `$2a$10$${stableHex(53, "bcrypt", ctx.name)}` } };
    },
    "aws:directoryservice/directory:Directory": (ctx) => {
        const id = `d-${stableHex(10, ctx.name)}`;
        return { id, state: { dnsIpAddresses: ["10.0.1.10", "10.0.2.10"], securityGroupId: `sg-${stableHex(17, "ds", ctx.name)}`, accessUrl: `${id}.awsapps.com` } };
    },
    "aws:workspaces/directory:Directory": (ctx) => ({
        id: String(ctx.inputs.directoryId),
        state: {
            registrationCode: `WSpdx+${stableHex(6, ctx.name).toUpperCase()}`,
            dnsIpAddresses: ["10.0.1.10", "10.0.2.10"],
            workspaceSecurityGroupId: `sg-${stableHex(17, "ws", ctx.name)}`,
            directoryType: "MicrosoftAD",
        },
    }),
    "aws:workspaces/workspace:Workspace": (ctx) => ({ id: `ws-${stableHex(9, ctx.name)}`, state: { state: "AVAILABLE", computerName: `WSAMZN-${stableHex(8, ctx.name).toUpperCase()}`, ipAddress: "10.0.1.25" } }),
    "aws:workspaces/ipGroup:IpGroup": (ctx) => ({ id: `wsipg-${stableHex(9, ctx.name)}`, state: { name: autoName(ctx) } }),
    "aws:cloudwatch/logGroup:LogGroup": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:logs:${ctx.region}:${ctx.cloud.account}:log-group:${name}`, { name });
    },
    "aws:cloudwatch/logDeliverySource:LogDeliverySource": (ctx) => {
        const name = autoName(ctx);
        return withArn(name, `arn:aws:logs:${ctx.region}:${ctx.cloud.account}:delivery-source:${name}`, { name, service: "cloudfront" });
    },
    "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (ctx) => {
        const name = autoName(ctx);
        const target = String(ctx.inputs.deliveryDestinationConfiguration?.destinationResourceArn ?? "");
        const type = target.startsWith("arn:aws:s3") ? "S3" : target.startsWith("arn:aws:firehose") ? "FH" : "CWL";
        return withArn(name, `arn:aws:logs:${ctx.region}:${ctx.cloud.account}:delivery-destination:${name}`, { name, deliveryDestinationType: type });
    },
    "aws:cloudwatch/logDelivery:LogDelivery": (ctx) => {
        const id = stableHex(16, ctx.name);
        return withArn(id, `arn:aws:logs:${ctx.region}:${ctx.cloud.account}:delivery:${id}`);
    },
    "aws:sns/topicSubscription:TopicSubscription": (ctx) => {
        const arn = `${ctx.inputs.topic}:${stableUuid(ctx.name)}`;
        // Email subscriptions wait for the recipient to confirm.
        return withArn(arn, arn, { pendingConfirmation: ctx.inputs.protocol === "email" });
    },
    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": (ctx) => ({ id: String(ctx.inputs.resourceArn), state: {} }),
    "pulumi-nodejs:dynamic:Resource": (ctx) => ({ id: `${ctx.inputs.directoryId}/${ctx.inputs.userName}`, state: { sid: `S-1-5-21-${stableHex(8, ctx.name)}` } }),
    "awsx:ec2:Vpc": (ctx) => {
        const subnet = (tier: string, i: number) => `subnet-${stableHex(17, ctx.name, tier, String(i))}`;
        return {
            id: undefined,
            state: {
                vpcId: `vpc-${stableHex(17, ctx.name)}`,
                privateSubnetIds: [0, 1].map((i) => subnet("private", i)),
                publicSubnetIds: [0, 1].map((i) => subnet("public", i)),
                isolatedSubnetIds: [],
            },
        };
    },
};

/** The mocked id and outputs of a resource: its inputs, then what AWS would compute. */
export function mockResource(cloud: MockCloud, type: string, name: string, inputs: Inputs, custom: boolean, region?: string): MockedResource {
    if (!custom && !(type in TABLE)) {
        // A local component: it registers its outputs itself.
        return { id: undefined, state: {} };
    }
    const where: string = (typeof inputs.region === "string" ? inputs.region : undefined) ?? region ?? cloud.region;
    const ctx: Context = { cloud, type, name, inputs, region: where };
    const made = TABLE[type]?.(ctx) ?? genericState(ctx);
    return { id: made.id, state: { ...inputs, ...(type.startsWith("pulumi:providers:") ? {} : { region: where }), ...made.state } };
}

function genericState(ctx: Context): MockedResource {
    const service = /^aws:([a-z0-9]+)\//.exec(ctx.type)?.[1] ?? "unknown";
    // S3 bucket sub-resources (policy, ACL, encryption, …) are identified by their bucket.
    const id = typeof ctx.inputs.bucket === "string" ? ctx.inputs.bucket : `${ctx.name}-${stableHex(8, ctx.type, ctx.name)}`;
    const arn = `arn:aws:${service}:${ctx.region}:${ctx.cloud.account}:${ctx.type.split(":").pop()?.toLowerCase()}/${id}`;
    return { id, state: { arn, name: autoName(ctx) } };
}
