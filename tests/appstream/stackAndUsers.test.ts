import * as assert from "node:assert/strict";
import { appstream } from "../../components";
import { unwrap } from "../engine";
import { plan } from "./fixtures";

const FLEET = { name: "excel-fleet-1234567" };

describe("appstream.Stack", () => {
    it("is secure by default: no download, no copy to the device, no local printing; UDP; no persistence", async () => {
        const { engine } = await plan(() => new appstream.Stack("excel", { fleet: FLEET }));
        const inputs = engine.inputsOf("excel-stack");
        assert.deepEqual(inputs.userSettings, [
            { action: "CLIPBOARD_COPY_FROM_LOCAL_DEVICE", permission: "ENABLED" },
            { action: "CLIPBOARD_COPY_TO_LOCAL_DEVICE", permission: "DISABLED" },
            { action: "FILE_UPLOAD", permission: "ENABLED" },
            { action: "FILE_DOWNLOAD", permission: "DISABLED" },
            { action: "PRINTING_TO_LOCAL_DEVICE", permission: "DISABLED" },
            { action: "DOMAIN_PASSWORD_SIGNIN", permission: "ENABLED" },
            { action: "DOMAIN_SMART_CARD_SIGNIN", permission: "DISABLED" },
            { action: "AUTO_TIME_ZONE_REDIRECTION", permission: "ENABLED" },
        ]);
        assert.deepEqual(inputs.applicationSettings, { enabled: false });
        assert.deepEqual(inputs.streamingExperienceSettings, { preferredProtocol: "UDP" });
        assert.deepEqual(inputs.storageConnectors, []);
    });

    it("associates the fleet with the stack", async () => {
        const { engine, built } = await plan(() => new appstream.Stack("excel", { fleet: FLEET }));
        const association = engine.get("excel-fleet-association", "aws:appstream/fleetStackAssociation:FleetStackAssociation");
        assert.deepEqual(association.inputs, { fleetName: FLEET.name, stackName: await unwrap(built.name) });
    });

    it("switches each user setting, and offers storage, persistence, endpoints, embedding, URLs and TCP", async () => {
        const { engine } = await plan(
            () =>
                new appstream.Stack("excel", {
                    fleet: FLEET,
                    userSettings: { fileDownload: true, printing: true, domainSmartCardSignIn: true },
                    storageConnectors: [{ type: "HOMEFOLDERS" }, { type: "ONE_DRIVE", domains: ["example.com"] }, { type: "GOOGLE_DRIVE", domains: ["example.com"] }],
                    persistApplicationSettings: true,
                    streamingEndpointIds: ["vpce-01234567"],
                    embedHostDomains: ["portal.example.com"],
                    feedbackUrl: "https://example.com/feedback",
                    redirectUrl: "https://example.com/bye",
                    streamingProtocol: "TCP",
                }),
        );
        const inputs = engine.inputsOf("excel-stack");
        const permission = (action: string) => inputs.userSettings.find((s: any) => s.action === action).permission;
        assert.deepEqual(["FILE_DOWNLOAD", "PRINTING_TO_LOCAL_DEVICE", "DOMAIN_SMART_CARD_SIGNIN", "CLIPBOARD_COPY_TO_LOCAL_DEVICE"].map(permission), ["ENABLED", "ENABLED", "ENABLED", "DISABLED"]);
        assert.deepEqual(inputs.storageConnectors, [
            { connectorType: "HOMEFOLDERS" },
            { connectorType: "ONE_DRIVE", domains: ["example.com"] },
            { connectorType: "GOOGLE_DRIVE", domains: ["example.com"] },
        ]);
        // Unique to the Pulumi project and stack ("project"/"test" on the mock engine): dev and prod never share settings.
        assert.deepEqual(inputs.applicationSettings, { enabled: true, settingsGroup: "project-test-excel" });
        assert.deepEqual(inputs.accessEndpoints, [{ endpointType: "STREAMING", vpceId: "vpce-01234567" }]);
        assert.deepEqual([inputs.embedHostDomains, inputs.feedbackUrl, inputs.redirectUrl, inputs.streamingExperienceSettings], [["portal.example.com"], "https://example.com/feedback", "https://example.com/bye", { preferredProtocol: "TCP" }]);
    });
});

describe("appstream.Users", () => {
    const STACK = { name: "excel-stack-1234567", arn: "arn:aws:appstream:eu-west-3:123456789012:stack/excel-stack-1234567" };

    it("creates user-pool users keyed by e-mail, each associated with the stack", async () => {
        const { engine } = await plan(
            () =>
                new appstream.Users("people", {
                    stack: STACK,
                    users: [
                        { email: "Ana@example.com", firstName: "Ana", lastName: "Silva" },
                        { email: "li@example.com", sendEmailNotification: false },
                    ],
                }),
        );
        const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
        const users = engine.ofType("aws:appstream/user:User", "people").sort(byName);
        assert.deepEqual(
            users.map((u) => [u.name, u.inputs]),
            [
                ["people-ana@example.com", { authenticationType: "USERPOOL", userName: "Ana@example.com", firstName: "Ana", lastName: "Silva", sendEmailNotification: true }],
                ["people-li@example.com", { authenticationType: "USERPOOL", userName: "li@example.com", sendEmailNotification: false }],
            ],
        );
        const associations = engine.ofType("aws:appstream/userStackAssociation:UserStackAssociation", "people").sort(byName);
        assert.deepEqual(
            associations.map((a) => [a.name, a.inputs.userName, a.inputs.stackName, a.inputs.authenticationType]),
            [
                ["people-ana@example.com-stack", "Ana@example.com", STACK.name, "USERPOOL"],
                ["people-li@example.com-stack", "li@example.com", STACK.name, "USERPOOL"],
            ],
        );
    });

    it("keeps the other users' names when one is removed", async () => {
        const names = async (emails: string[]) =>
            (await plan(() => new appstream.Users("people", { stack: STACK, users: emails.map((email) => ({ email })) }))).engine.resources.map((r) => r.name).sort();
        const before = await names(["a@example.com", "b@example.com", "c@example.com"]);
        const after = await names(["a@example.com", "c@example.com"]);
        assert.deepEqual(after, before.filter((n) => !n.includes("b@example.com")));
    });

    it("creates the SAML role: trust for the global and regional sign-in audiences, appstream:Stream on this stack only", async () => {
        const provider = "arn:aws:iam::123456789012:saml-provider/corp-idp";
        const { engine, built } = await plan(() => new appstream.Users("people", { stack: STACK, saml: { providerArn: provider } }));
        const role = engine.get("people-saml-role", "aws:iam/role:Role");
        assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement, [
            {
                Effect: "Allow",
                Principal: { Federated: provider },
                Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
                Condition: {
                    StringEquals: { "SAML:aud": ["https://signin.aws.amazon.com/saml", "https://eu-west-3.signin.aws.amazon.com/saml"], "SAML:sub_type": "persistent" },
                },
            },
        ]);
        assert.deepEqual(JSON.parse(role.inputs.inlinePolicies[0].policy).Statement, [
            { Effect: "Allow", Action: "appstream:Stream", Resource: STACK.arn, Condition: { StringEquals: { "appstream:userId": "${saml:sub}" } } },
        ]);
        assert.equal(await unwrap(built.relayStateUrl!), `https://appstream2.euc-sso.eu-west-3.aws.amazon.com/saml?stack=${STACK.name}&accountId=123456789012`);
        assert.equal(await unwrap(built.samlRoleAttribute!), `${role.state.arn},${provider}`);
    });

    it("uses the sign-in and relay-state domains of the region's partition", () => {
        assert.deepEqual(appstream.samlAudiences("us-gov-west-1"), ["https://signin.amazonaws-us-gov.com/saml"]);
        assert.equal(appstream.relayStateUrl("us-gov-west-1", "s", "1"), "https://appstream2.euc-sso.us-gov-west-1.amazonaws-us-gov.com/saml?stack=s&accountId=1");
        assert.equal(appstream.relayStateUrl("cn-north-1", "s", "1"), "https://appstream2.euc-sso.cn-north-1.amazonaws.cn/saml?stack=s&accountId=1");
        assert.deepEqual(appstream.samlAudiences("cn-north-1"), ["https://signin.amazonaws.cn/saml"]);
    });
});

describe("appstream.FleetMonitoring", () => {
    it("alarms on refused sessions and high utilization, with a dashboard and the test streaming URL command", async () => {
        const { engine, built } = await plan(() => new appstream.FleetMonitoring("watch", { fleetName: "excel-fleet", stackName: "excel-stack", createAlarmTopic: true }));
        const topic = engine.get("watch-alarms", "aws:sns/topic:Topic");
        const alarms = engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm", "watch").map((a) => a.inputs);
        assert.deepEqual(
            alarms.map((a) => [a.namespace, a.metricName, a.dimensions, a.statistic, a.threshold, a.comparisonOperator, a.alarmActions]),
            [
                ["AWS/AppStream", "InsufficientCapacityError", { Fleet: "excel-fleet" }, "Sum", 0, "GreaterThanThreshold", [topic.state.arn]],
                ["AWS/AppStream", "CapacityUtilization", { Fleet: "excel-fleet" }, "Average", 90, "GreaterThanThreshold", [topic.state.arn]],
            ],
        );
        const dashboard = engine.get("watch-dashboard", "aws:cloudwatch/dashboard:Dashboard").inputs;
        assert.equal(dashboard.dashboardName, "appstream-excel-fleet");
        const body = JSON.parse(dashboard.dashboardBody);
        assert.deepEqual(body.widgets[0].properties.metrics, ["ActualCapacity", "InUseCapacity", "AvailableCapacity", "PendingCapacity"].map((m) => ["AWS/AppStream", m, "Fleet", "excel-fleet"]));
        assert.equal(body.widgets[0].properties.region, "eu-west-3");
        assert.equal(
            await unwrap(built.testStreamingUrlCommand),
            "aws appstream create-streaming-url --stack-name excel-stack --fleet-name excel-fleet --user-id test-user --validity 300 --region eu-west-3",
        );
    });

    it("notifies an existing topic, without a dashboard when turned off", async () => {
        const { engine } = await plan(() => new appstream.FleetMonitoring("watch", { fleetName: "f", stackName: "s", alarmTopicArn: "arn:aws:sns:eu-west-3:123456789012:oncall", dashboard: false, capacityUtilizationPercent: 80 }));
        assert.deepEqual(engine.ofType("aws:cloudwatch/dashboard:Dashboard"), []);
        assert.deepEqual(engine.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => [a.inputs.threshold, a.inputs.alarmActions]), [
            [0, ["arn:aws:sns:eu-west-3:123456789012:oncall"]],
            [80, ["arn:aws:sns:eu-west-3:123456789012:oncall"]],
        ]);
    });
});
