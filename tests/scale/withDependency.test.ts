import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { withDependency } from "../../components/workspaces/userWorkspaces";
import { MockEngine, unwrap } from "../engine";

describe("withDependency", () => {
    it("adds one resource to dependsOn in each form it can take, and leaves it alone without one", async () => {
        MockEngine.start();
        const [a, b, extra] = ["a", "b", "extra"].map((name) => new aws.sns.Topic(name));
        const list = [a, b];
        assert.equal(withDependency(list, undefined), list);
        assert.deepEqual(withDependency(undefined, extra), [extra]);
        assert.deepEqual(withDependency(list, extra), [a, b, extra]);
        assert.deepEqual(withDependency(a, extra), [a, extra]);
        const fromOutput = withDependency(pulumi.output([a, b]), extra) as pulumi.Output<pulumi.Resource[]>;
        assert.deepEqual(await unwrap(fromOutput), [a, b, extra]);
        const fromPromise = withDependency(Promise.resolve(a), extra) as pulumi.Output<pulumi.Resource[]>;
        assert.deepEqual(await unwrap(fromPromise), [a, extra]);
    });
});
