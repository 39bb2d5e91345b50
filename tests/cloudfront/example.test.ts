import * as assert from "node:assert/strict";
import * as path from "node:path";
import { MockEngine, unwrap } from "../engine";

const EXAMPLE = path.resolve(__dirname, "../../examples/cloudfront-static-site/index.ts");
const PROJECT = "cloudfront-static-site";

/** Runs the example program on a fresh mock engine with the example's defaults plus `config`. */
async function runExample(config: Record<string, string>): Promise<{ engine: MockEngine; outputs: Record<string, any> }> {
    const defaults = { zoneName: "example.com", alarmEmail: "ops@example.com", failoverRegion: "eu-central-1", blockedCountries: "KP" };
    const engine = MockEngine.start({
        project: PROJECT,
        stack: "dev",
        config: { "aws:region": "eu-west-3", ...Object.fromEntries(Object.entries({ ...defaults, ...config }).map(([k, v]) => [`${PROJECT}:${k}`, v])) },
        cloud: { zones: { "example.com": "Z0EXAMPLE0000000000001" } },
    });
    delete require.cache[EXAMPLE];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const outputs = require(EXAMPLE) as Record<string, any>;
    await engine.settle();
    return { engine, outputs };
}

describe("examples/cloudfront-static-site", () => {
    it("on Route53: writes the records itself and outputs none to create", async () => {
        const { engine, outputs } = await runExample({});
        assert.equal(engine.ofType("aws:route53/record:Record").length, 6, "a validation record, A and AAAA for each of the two aliases");
        assert.deepEqual(await unwrap(outputs.dnsRecords), []);
        assert.equal(await unwrap(outputs.url), "https://example.com");
    });

    it("on external DNS: plans with the validation records and the CNAME target as outputs", async () => {
        const { engine, outputs } = await runExample({ zoneName: "example.org", externalDns: "true" });
        assert.deepEqual(engine.ofType("aws:route53/record:Record"), []);
        const target = engine.get("site-distribution").state.domainName;
        const records = await unwrap(outputs.dnsRecords);
        assert.deepEqual(
            records.map((r: { name: string; type: string; value: string }) => [r.name.replace(/^_[0-9a-f]{32}\./, "_<token>."), r.type, r.value === target ? "<distribution>" : r.value.replace(/^_[0-9a-f]{32}\./, "_<token>.")]),
            [
                ["_<token>.example.org.", "CNAME", "_<token>.mhbtsbpdnt.acm-validations.aws."],
                ["_<token>.www.example.org.", "CNAME", "_<token>.mhbtsbpdnt.acm-validations.aws."],
                ["example.org", "CNAME", "<distribution>"],
                ["www.example.org", "CNAME", "<distribution>"],
            ],
        );
    });
});
