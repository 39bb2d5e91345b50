import * as assert from "node:assert/strict";
import type { Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { analyzeRequest, analyzeStackRequest, InProcessAnalyzer, Resource } from "../../bench/inProcessAnalyzer";
import { unrouted } from "../../bench/policyPack";
import { DECLARED_TYPES, STACK_SUBJECTS } from "../../policies/define";
import { ALL_POLICIES } from "../../policies/library";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deserialize = require("@pulumi/policy/deserialize") as { deserializeProperties: (...args: unknown[]) => unknown };

/**
 * Runs `run` with the SDK's property deserializer counted, and each policy's validation wrapped
 * so that the name of every validation that ran is recorded in order.
 */
async function counted(policies: Policies, run: (analyzer: InProcessAnalyzer) => Promise<unknown>): Promise<{ deserialized: number; ran: string[] }> {
    const ran: string[] = [];
    const watched = policies.map((policy) => {
        const resource = policy as ResourceValidationPolicy;
        const stack = policy as StackValidationPolicy;
        if (typeof resource.validateResource === "function") {
            const inner = resource.validateResource;
            // The wrapper keeps the routing type so that the SDK sees the policy as it is.
            const wrapped = Object.assign((...args: Parameters<typeof inner>) => (ran.push(policy.name), inner(...args)), { __pulumiType: (inner as { __pulumiType?: string }).__pulumiType });
            return { ...resource, validateResource: wrapped };
        }
        if (typeof stack.validateStack === "function") {
            const inner = stack.validateStack;
            const wrapped = Object.assign((...args: Parameters<typeof inner>) => (ran.push(policy.name), inner(...args)), { __pulumiType: (inner as { __pulumiType?: string }).__pulumiType });
            return { ...stack, validateStack: wrapped };
        }
        return policy;
    });
    const original = deserialize.deserializeProperties;
    let deserialized = 0;
    deserialize.deserializeProperties = (...args: unknown[]) => (deserialized++, original(...args));
    try {
        await run(new InProcessAnalyzer(watched));
    } finally {
        deserialize.deserializeProperties = original;
    }
    return { deserialized, ran };
}

const enabled = ALL_POLICIES.filter((p) => p.enforcementLevel !== "disabled").map((p) => p.name);
/** The enabled policies that declared `type`. */
const declaredFor = (type: string) => enabled.filter((name) => DECLARED_TYPES.get(name)?.includes(type));
/** Policies of several types: the SDK routes one type per validation, so they run on every resource. */
const MULTI_TYPE = enabled.filter((name) => (DECLARED_TYPES.get(name)?.length ?? 0) > 1);
const TYPES = [...new Set([...DECLARED_TYPES.values()].flat()), "aws:s3/bucketObject:BucketObject"];

const resourceOf = (type: string): Resource => ({ type, name: "r", props: {} });

async function ranFor(type: string): Promise<{ deserialized: number; ran: string[] }> {
    return counted(ALL_POLICIES, (analyzer) => analyzer.analyze(analyzeRequest(resourceOf(type))));
}

describe("policy pack routing: the SDK deserializes a resource only for the policies of its type", () => {
    it("a KMS key: the five enabled KMS policies and the two AppStream policies of two types", async () => {
        const { deserialized, ran } = await ranFor("aws:kms/key:Key");
        assert.deepEqual(ran.sort(), [
            "appstream-in-vpc",
            "appstream-no-default-internet",
            "kms-deletion-window",
            "kms-key-rotation",
            "kms-no-lockout-bypass",
            "kms-no-public-principal",
            "kms-service-scoped-use",
        ]);
        assert.equal(deserialized, 7, "kms-protected is disabled by default: not even deserialized for");
        assert.deepEqual(MULTI_TYPE, ["appstream-no-default-internet", "appstream-in-vpc"]);
    });

    for (const type of TYPES) {
        it(`${type}: exactly the enabled policies declared for it, plus the policies of several types`, async () => {
            const { deserialized, ran } = await ranFor(type);
            const expected = [...new Set([...declaredFor(type), ...MULTI_TYPE])];
            assert.deepEqual(ran.sort(), expected.sort());
            assert.equal(deserialized, expected.length);
        });
    }

    it("the bench's unrouted variant deserializes for, and runs, every enabled resource policy on every type", async () => {
        const everyResourcePolicy = enabled.filter((name) => DECLARED_TYPES.has(name));
        for (const type of TYPES) {
            const { deserialized, ran } = await counted(unrouted(ALL_POLICIES), (analyzer) => analyzer.analyze(analyzeRequest(resourceOf(type))));
            assert.deepEqual([...ran].sort(), [...everyResourcePolicy].sort(), type);
            assert.equal(deserialized, everyResourcePolicy.length, type);
        }
    });

    it("a policy whose validation is a list of typed functions is run (and deserialized for) once per element on every type", async () => {
        const typed = (type: string) => Object.assign(() => undefined, { __pulumiType: type });
        const listed = { name: "listed", description: "two typed validations", enforcementLevel: "mandatory" as const, validateResource: [typed("a:b:C"), typed("a:b:D")] };
        const { deserialized } = await counted([listed], (analyzer) => analyzer.analyze(analyzeRequest(resourceOf("a:b:E"))));
        assert.equal(deserialized, 2);
    });

    it("AnalyzeStack deserializes the stack only for the stack policies whose subject is in it: the distribution's, for the 4-type mix", async () => {
        const stack = ["aws:cloudfront/distribution:Distribution", "aws:kms/key:Key", "aws:workspaces/workspace:Workspace", "aws:appstream/fleet:Fleet"].map((type, i) => ({ ...resourceOf(type), name: `r${i}` }));
        const { deserialized, ran } = await counted(ALL_POLICIES, (analyzer) => analyzer.analyzeStack(analyzeStackRequest(stack)));
        const ofDistributions = [...STACK_SUBJECTS].filter(([, subject]) => subject === "aws:cloudfront/distribution:Distribution").map(([name]) => name);
        assert.deepEqual([...ran].sort(), [...ofDistributions].sort());
        assert.deepEqual([...ofDistributions].sort(), ["acm-cloudfront-certificate-region", "cloudfront-lambda-url-auth", "cloudfront-log-bucket-acl", "cloudfront-s3-website-origin"]);
        assert.equal(deserialized, ran.length * stack.length, "each of them deserializes the stack once, the others not at all");
    });

    it("the stack policies find the same violations as before routing", async () => {
        const stack: Resource[] = [
            { type: "aws:directoryservice/directory:Directory", name: "ad", props: { id: "d-1", name: "corp.example.com", type: "MicrosoftAD" } },
            { type: "aws:workspaces/directory:Directory", name: "ws", props: { directoryId: "d-1" } },
            { type: "aws:wafv2/webAcl:WebAcl", name: "acl", props: { arn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/a/1", scope: "CLOUDFRONT" } },
        ];
        const { ran } = await counted(ALL_POLICIES, (analyzer) => analyzer.analyzeStack(analyzeStackRequest(stack)));
        const found = await new InProcessAnalyzer(ALL_POLICIES).analyzeStack(analyzeStackRequest(stack));
        assert.deepEqual(ran, ["waf-logging", "directoryservice-radius-mfa", "directoryservice-log-forwarding"]);
        assert.deepEqual(found.map((d) => [d.policyName, d.message.split("\n")[1]]), [
            ["waf-logging", "web ACL 'acl' has no logging configuration"],
            ["directoryservice-radius-mfa", "directory 'corp.example.com' is used by WorkSpaces without RADIUS MFA"],
            ["directoryservice-log-forwarding", "Managed AD 'corp.example.com' does not forward its logs"],
        ]);
    });
});
