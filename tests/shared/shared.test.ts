import * as assert from "node:assert/strict";
import fc from "fast-check";
import { shared, cloudfront } from "../../components";

describe("shared helpers", () => {
    describe("isDomainName", () => {
        it("accepts lowercase names and one leading wildcard", () => {
            for (const name of ["example.com", "www.example.com", "*.example.com", "a-b.c.example.co.uk", "xn--bcher-kva.example"]) {
                assert.equal(shared.isDomainName(name), true, name);
            }
        });
        it("rejects upper case, schemes, bare labels, inner wildcards and bad hyphens", () => {
            for (const name of ["Example.com", "https://example.com", "localhost", "www.*.example.com", "-a.example.com", "a-.example.com", "example.com.", "a..example.com"]) {
                assert.equal(shared.isDomainName(name), false, name);
            }
        });
    });

    describe("isInZone", () => {
        it("is true for the apex, sub-domains and wildcards of the zone, with or without its trailing dot", () => {
            assert.equal(shared.isInZone("example.com", "example.com."), true);
            assert.equal(shared.isInZone("a.b.example.com", "example.com"), true);
            assert.equal(shared.isInZone("*.example.com", "example.com"), true);
        });
        it("is false for look-alike suffixes and other zones", () => {
            assert.equal(shared.isInZone("badexample.com", "example.com"), false);
            assert.equal(shared.isInZone("shop.example.org", "example.com"), false);
        });
        it("holds for any label prepended to the zone (property)", () => {
            fc.assert(
                fc.property(fc.stringMatching(/^[a-z0-9]{1,20}$/), (label) => shared.isInZone(`${label}.example.com`, "example.com")),
            );
        });
    });

    describe("nameKey", () => {
        it("keeps domains readable and replaces wildcards and slashes", () => {
            assert.equal(shared.nameKey("www.example.com"), "www.example.com");
            assert.equal(shared.nameKey("*.example.com"), "wildcard.example.com");
            assert.equal(shared.nameKey("/api/*"), "api-star");
            assert.equal(shared.nameKey("*.m3u8"), "wildcard.m3u8");
        });
        it("always yields a non-empty key of safe characters (property)", () => {
            fc.assert(fc.property(fc.string(), (s) => /^[A-Za-z0-9.-]+$/.test(shared.nameKey(s))));
        });
    });

    describe("parseArn", () => {
        it("splits an ARN into its parts", () => {
            assert.deepEqual(shared.parseArn("arn:aws:acm:us-east-1:123456789012:certificate/abc"), {
                partition: "aws",
                service: "acm",
                region: "us-east-1",
                account: "123456789012",
                resource: "certificate/abc",
            });
            assert.equal(shared.parseArn("arn:aws:s3:::bucket")?.resource, "bucket");
        });
        it("returns undefined for text that is not an ARN", () => {
            assert.equal(shared.parseArn("certificate/abc"), undefined);
        });
    });

    describe("validationDomains", () => {
        it("merges an apex and its wildcard into one validation name", () => {
            assert.deepEqual(cloudfront.validationDomains(["example.com", "*.example.com", "www.example.com"]), ["example.com", "www.example.com"]);
        });
        it("never yields a wildcard nor a duplicate (property)", () => {
            const domain = fc.stringMatching(/^(\*\.)?[a-c]{1,2}\.example\.com$/);
            fc.assert(
                fc.property(fc.array(domain), (names) => {
                    const out = cloudfront.validationDomains(names);
                    return new Set(out).size === out.length && out.every((d) => !d.startsWith("*."));
                }),
            );
        });
    });

    describe("formats", () => {
        it("recognises e-mail addresses, IPv4 addresses and CIDR blocks", () => {
            assert.deepEqual(["ana@example.com", "ana", "a b@example.com", "ana@example"].map(shared.isEmail), [true, false, false, false]);
            assert.deepEqual(["10.0.0.1", "256.0.0.1", "10.0.0", "10.0.0.1.2"].map(shared.isIpv4), [true, false, false, false]);
            assert.deepEqual(["10.0.0.0/16", "10.0.0.0/33", "10.0.0.0", "10.0.0.0/8/1", "300.0.0.0/8"].map(shared.isIpv4Cidr), [true, false, false, false, false]);
            assert.deepEqual(["45m", "2h", "90s", "0m", "45", "1d"].map(shared.isDuration), [true, true, true, false, false, false]);
        });
    });

    describe("ArgumentProblems", () => {
        it("throws one InputPropertiesError listing every problem with its property path", () => {
            const problems = new shared.ArgumentProblems("aws-euc:test:Thing", "t");
            problems.requireRange(0, { min: 1, max: 3 }, "count");
            problems.requireOneOf<string>("x", ["a", "b"], "mode");
            assert.throws(() => problems.throwIfAny(), (err: Error & { errors?: unknown }) => {
                assert.equal(
                    err.message,
                    "aws-euc:test:Thing 't' has invalid arguments:\n" +
                        "  - count: 0 is out of range; use an integer from 1 to 3\n" +
                        "  - mode: 'x' is not allowed; use one of 'a', 'b'",
                );
                assert.deepEqual(err.errors, [
                    { propertyPath: "count", reason: "0 is out of range; use an integer from 1 to 3" },
                    { propertyPath: "mode", reason: "'x' is not allowed; use one of 'a', 'b'" },
                ]);
                return true;
            });
        });
        it("does not throw when nothing was recorded", () => {
            new shared.ArgumentProblems("aws-euc:test:Thing", "t").throwIfAny();
        });
    });
});
