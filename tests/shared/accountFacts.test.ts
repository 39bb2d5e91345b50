import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { regionOf } from "../../components/shared";
import { MockEngine, planOn } from "../engine";

class Part extends pulumi.ComponentResource {
    readonly region: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Part", name, {}, opts);
        this.region = regionOf(this);
    }
}

const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

describe("account facts: one lookup per aws provider and program", () => {
    it("parts under the same provider share one getRegion; another provider gets its own", async () => {
        const { engine, built } = await planOn({ config: { "aws:region": "eu-west-3" } }, () => {
            const paris = [new Part("a"), new Part("b")];
            const virginia = new aws.Provider("virginia", { region: "us-east-1" });
            return { paris, other: new Part("c", { providers: [virginia] }) };
        });
        assert.equal(engine.invokesOf("aws:index/getRegion:getRegion").length, 2);
        assert.equal(built.paris[0].region, built.paris[1].region, "the same Output");
        assert.notEqual(built.other.region, built.paris[0].region);
    });

    it("nothing is shared across programs: each engine answers with its own region", async () => {
        // A program run inside a stack leaves its stack resource behind for the next program that
        // runs outside one: lookups keyed by the stack would be reused from it.
        const inStack = MockEngine.start({ config: { "aws:region": "sa-east-1" } });
        let first: Part | undefined;
        await pulumi.runtime.runInPulumiStack(async () => {
            first = new Part("a");
            return {};
        });
        await inStack.settle();
        assert.equal(await valueOf(first!.region), "sa-east-1");
        for (const region of ["eu-west-3", "us-east-1", "ap-southeast-2"]) {
            const { engine, built } = await planOn({ config: { "aws:region": region } }, () => new Part("a"));
            assert.equal(engine.invokesOf("aws:index/getRegion:getRegion").length, 1);
            assert.equal(await valueOf(built.region), region);
        }
    });
});
