import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { parseVerifyArgs, renderVerifyReport, runVerify, verifySite, VerifyReport } from "../../cli/verify";

const FIXTURES = path.join(__dirname, "fixtures");
const CERT = readFileSync(path.join(FIXTURES, "test-site.cert.pem"));
const KEY = readFileSync(path.join(FIXTURES, "test-site.key.pem"));
const LOCAL = "127.0.0.1";

/** A site on 127.0.0.1: an HTTPS server and an HTTP server, both on free ports. */
interface LocalSite {
    httpsPort: number;
    httpPort: number;
    close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
    await new Promise<void>((resolve) => server.listen(0, LOCAL, resolve));
    return (server.address() as AddressInfo).port;
}

async function startSite(tlsOptions: https.ServerOptions, page: http.RequestListener, plain: (httpsPort: number) => http.RequestListener): Promise<LocalSite> {
    const secure = https.createServer({ key: KEY, cert: CERT, ...tlsOptions }, page);
    const httpsPort = await listen(secure);
    const insecure = http.createServer(plain(httpsPort));
    const httpPort = await listen(insecure);
    const close = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));
    return {
        httpsPort,
        httpPort,
        close: async () => {
            secure.closeAllConnections();
            insecure.closeAllConnections();
            await Promise.all([close(secure), close(insecure)]);
        },
    };
}

/** Set up as the component sets CloudFront up: redirect, TLS 1.2+, HSTS and the security headers. */
const rightSite = () =>
    startSite(
        { minVersion: "TLSv1.2" },
        (_req, res) => {
            res.writeHead(200, {
                "strict-transport-security": "max-age=63072000",
                "x-content-type-options": "nosniff",
                "x-frame-options": "DENY",
                "referrer-policy": "strict-origin-when-cross-origin",
                "content-type": "text/html",
            });
            res.end("<h1>ok</h1>");
        },
        (httpsPort) => (req, res) => {
            res.writeHead(301, { location: `https://www.example.test:${httpsPort}${req.url}` });
            res.end();
        },
    );

/** Set up wrong on every count: TLS 1.1 only, plain HTTP served, short HSTS, headers missing. */
const wrongSite = () =>
    startSite(
        { minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" },
        (_req, res) => {
            res.writeHead(200, { "strict-transport-security": "max-age=300", "x-frame-options": "ALLOW-FROM https://x.example" });
            res.end("<h1>hello</h1>");
        },
        () => (_req, res) => {
            res.writeHead(200);
            res.end("<h1>hello over http</h1>");
        },
    );

const faultNames = (report: VerifyReport) => report.faults.map((f) => f.name);

describe("verify: checks a deployed site from the outside", () => {
    let right: LocalSite;
    let wrong: LocalSite;
    before(async () => {
        right = await rightSite();
        wrong = await wrongSite();
    });
    after(async () => {
        await right.close();
        await wrong.close();
    });

    const options = (site: LocalSite, aliases: string[]) => ({ aliases, httpPort: site.httpPort, resolveTo: LOCAL, ca: CERT });

    it("passes a site set up right, with every check named", async () => {
        const report = await verifySite(`https://www.example.test:${right.httpsPort}/`, options(right, ["www.example.test", "example.test"]));
        assert.deepEqual(faultNames(report), []);
        assert.equal(report.ok, true);
        assert.deepEqual(report.checks.map((c) => c.name), [
            "http-redirect",
            "tls-version",
            "tls-legacy-refused",
            "certificate-trusted",
            "certificate-expiry",
            "certificate-covers:www.example.test",
            "certificate-covers:example.test",
            "https-response",
            "hsts",
            "header:x-content-type-options",
            "header:x-frame-options",
            "header:referrer-policy",
        ]);
        assert.equal(report.checks[0].detail, `HTTP 301 to https://www.example.test:${right.httpsPort}/`);
        assert.match(report.checks[1].detail, /^negotiated TLSv1\.[23]$/);
    });

    it("names each fault of a site set up wrong", async () => {
        const report = await verifySite(`https://www.example.test:${wrong.httpsPort}/`, options(wrong, ["www.example.test", "shop.example.org"]));
        assert.deepEqual(faultNames(report), [
            "http-redirect",
            "tls-version",
            "tls-legacy-refused",
            "certificate-covers:shop.example.org",
            "hsts",
            "header:x-content-type-options",
            "header:x-frame-options",
            "header:referrer-policy",
        ]);
        const detail = (name: string) => report.faults.find((f) => f.name === name)!.detail;
        assert.equal(detail("http-redirect"), "plain HTTP answered 200; expected a 301 to https:// (viewer protocol policy redirect-to-https)");
        assert.equal(detail("tls-version"), "negotiated TLSv1.1; expected TLSv1.2 or TLSv1.3 (security policy TLSv1.2_2021 or newer)");
        assert.equal(detail("tls-legacy-refused"), "a TLSv1.1 handshake was accepted; expected only TLS 1.2+");
        assert.equal(detail("certificate-covers:shop.example.org"), "not covered: the certificate names DNS:www.example.test, DNS:example.test, DNS:localhost, IP Address:127.0.0.1");
        assert.equal(detail("hsts"), "'max-age=300': max-age below 31536000 seconds");
        assert.equal(detail("header:x-content-type-options"), "missing; expected nosniff");
        assert.equal(detail("header:x-frame-options"), "'ALLOW-FROM https://x.example'; expected DENY or SAMEORIGIN");
    });

    it("reports a certificate from an untrusted CA", async () => {
        const report = await verifySite(`https://www.example.test:${right.httpsPort}/`, { httpPort: right.httpPort, resolveTo: LOCAL });
        assert.deepEqual(faultNames(report), ["certificate-trusted"]);
        assert.match(report.faults[0].detail, /^not trusted: .*SELF_SIGNED|^not trusted: .*self.signed/i);
    });

    it("reports a certificate about to expire against a stricter minimum", async () => {
        const report = await verifySite(`https://www.example.test:${right.httpsPort}/`, { ...options(right, ["www.example.test"]), minCertificateDays: 100_000 });
        assert.deepEqual(faultNames(report), ["certificate-expiry"]);
    });

    it("renders the report, and runVerify exits 0 on a good site, 1 on faults", async () => {
        const good = await verifySite(`https://www.example.test:${right.httpsPort}/`, options(right, ["www.example.test"]));
        const text = renderVerifyReport(good);
        assert.match(text, /^Verifying https:\/\/www\.example\.test:\d+\/$/m);
        assert.match(text, /^ {2}ok {5}http-redirect {2,}HTTP 301 to /m);
        assert.match(text, /: all 11 checks passed$/);

        const written: string[] = [];
        const io = { out: (t: string) => written.push(t), err: (t: string) => written.push(t) };
        const ca = path.join(FIXTURES, "test-site.cert.pem");
        const args = (site: LocalSite, alias: string) => [`https://www.example.test:${site.httpsPort}/`, "--alias", alias, "--http-port", String(site.httpPort), "--resolve", LOCAL, "--ca", ca];
        assert.equal(await runVerify(args(right, "www.example.test"), io), 0);
        assert.equal(await runVerify([...args(wrong, "www.example.test"), "--json"], io), 1);
        const json = JSON.parse(written[1]);
        assert.equal(json.ok, false);
        assert.ok(json.faults.some((f: { name: string }) => f.name === "tls-version"));
    });

    it("exits 2 with the usage on a usage error", async () => {
        const written: string[] = [];
        const io = { out: (t: string) => written.push(t), err: (t: string) => written.push(t) };
        assert.equal(await runVerify(["http://example.com"], io), 2);
        assert.match(written[0], /^error: http:\/\/example\.com is not an https:\/\/ URL\nusage: aws-euc verify <https-url>/);
        assert.throws(() => parseVerifyArgs(["https://a.example", "--http-port", "0"]), { message: "--http-port must be a port number from 1 to 65535" });
        assert.throws(() => parseVerifyArgs(["https://a.example", "--bogus"]), { message: "unknown option --bogus" });
        assert.throws(() => parseVerifyArgs(["https://a.example", "--alias"]), { message: "--alias needs a value" });
    });
});
