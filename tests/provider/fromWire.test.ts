import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { argsFromWire } from "../../provider/fromWire";
import { loadGeneratedSchema } from "../../provider/provider";
import { MockEngine } from "../engine";

const generated = loadGeneratedSchema();
const inputsOf = (type: string) => generated.schema.resources[type].inputProperties;
const DESKTOP = "aws-euc:workspaces:DesktopEnvironment";
const DISTRIBUTION = "aws-euc:cloudfront:Distribution";

interface Internals {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(): Promise<unknown>;
}

describe("provider: wire values to the TypeScript arguments", () => {
    beforeEach(() => MockEngine.start({ preview: true }));

    it("unions: `enabled: false` is false, a lone `name` is the preset (with the default `enabled: true` too), merged objects pass as they are", async () => {
        const args: any = await argsFromWire(
            {
                waf: { enabled: false },
                logging: { enabled: true, prefix: "cf/" },
                securityHeaders: { name: "managed", enabled: true },
                defaultBehavior: { cachePolicy: { name: "CachingDisabled" }, originRequestPolicy: { id: "abc" } },
                hostedZone: { id: "Z1", name: "example.com" },
            },
            inputsOf(DISTRIBUTION),
            generated,
        );
        assert.equal(args.waf, false);
        assert.deepEqual(args.logging, { prefix: "cf/" });
        assert.equal(args.securityHeaders, "managed");
        assert.equal(args.defaultBehavior.cachePolicy, "CachingDisabled");
        assert.deepEqual(args.defaultBehavior.originRequestPolicy, { id: "abc" });
        assert.deepEqual(args.hostedZone, { id: "Z1", name: "example.com" });
    });

    it("an argument that arrived as one secret Output becomes plain structure whose Input leaves are secret and plain leaves plain", async () => {
        const args: any = await argsFromWire(
            { tags: pulumi.secret({ team: "finance" }), users: pulumi.secret([{ userName: "ana", email: "ana@example.com" }]) },
            inputsOf(DESKTOP),
            generated,
        );
        assert.ok(pulumi.Output.isInstance(args.tags.team), "a tag value is an Input");
        const tag = args.tags.team as unknown as Internals;
        assert.equal(await tag.isSecret, true);
        assert.equal(await tag.promise(), "finance");
        assert.equal(args.users[0].userName, "ana", "userName is a plain string in TypeScript");
    });

    it("an Input that arrived as an Output is kept as it is; an unknown value where TypeScript wants a plain one is refused by path", async () => {
        const arn = pulumi.output("arn:aws:acm:us-east-1:123456789012:certificate/x");
        const args: any = await argsFromWire({ certificateArn: arn }, inputsOf(DISTRIBUTION), generated);
        assert.equal(args.certificateArn, arn);
        const notKnown = new (pulumi.Output as any)([], Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve([]));
        await assert.rejects(argsFromWire({ aliases: notKnown }, inputsOf(DISTRIBUTION), generated), (err: any) => err.propertyPath === "aliases" && /must be known/.test(err.reason));
    });
});
