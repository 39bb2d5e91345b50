import * as assert from "node:assert/strict";
import { desktopEnvironment, streamingEnvironment } from "../../bench/workloads";
import { planOn, RecordedResource } from "../engine";
import { longestDependencyChain } from "./dependencyChain";

const OPTIONS = { config: { "aws:region": "eu-west-3" } };

/** Invokes, longest dependency chain and resources of a composite planned with `users` users. */
async function shape(build: (users: number) => unknown, users: number) {
    const { engine } = await planOn(OPTIONS, () => build(users));
    return { invokes: engine.invokes.map((i) => i.token).sort(), chain: longestDependencyChain(engine.resources), resources: engine.resources.length };
}

/** The largest number of dependencies any one resource has. */
const widest = (resources: readonly RecordedResource[]) => Math.max(...resources.map((r) => r.dependencies.length));

describe("scale: what grows with the number of users", () => {
    for (const [family, build, perUser] of [
        ["DesktopEnvironment", desktopEnvironment, 3],
        ["StreamingEnvironment", streamingEnvironment, 2],
    ] as const) {
        it(`${family}: the same invokes and dependency chain for 2 and 40 users; resources grow by ${perUser} a user`, async () => {
            const [small, large] = [await shape(build, 2), await shape(build, 40)];
            assert.deepEqual(large.invokes, small.invokes, "invokes do not grow with users");
            assert.equal(large.chain, small.chain, "the longest dependency chain does not grow with users");
            assert.equal(large.resources - small.resources, 38 * perUser);
        });
    }

    it("a workspace waits for its own directory user, so no resource's dependencies grow with users", async () => {
        const [small, large] = [await planOn(OPTIONS, () => desktopEnvironment(2)), await planOn(OPTIONS, () => desktopEnvironment(40))];
        const workspaces = (r: readonly RecordedResource[]) => r.filter((x) => x.type === "aws:workspaces/workspace:Workspace");
        assert.equal(widest(workspaces(large.engine.resources)), widest(workspaces(small.engine.resources)));
        assert.equal(widest(large.engine.resources.filter((r) => r.custom)), widest(small.engine.resources.filter((r) => r.custom)));
    });
});

describe("longestDependencyChain", () => {
    const resource = (urn: string, dependencies: string[], parent?: string) => ({ urn, dependencies, parent }) as RecordedResource;

    it("counts resources on the longest path through dependencies and parents", () => {
        assert.equal(longestDependencyChain([]), 0);
        assert.equal(longestDependencyChain([resource("a", []), resource("b", ["a"]), resource("c", [], "b"), resource("d", ["a"])]), 3);
    });
});
