import * as tls from "node:tls";
import { Answer, handshake, httpGet, httpsGet, Target } from "./probes";
import { reportOf, VerifyCheck, VerifyReport } from "./report";

/** Options of {@link verifySite}. */
export interface VerifyOptions {
    /** Names the certificate must cover, e.g. every alias of the distribution. @default - the URL's host name */
    aliases?: string[];
    /** Port of the plain-HTTP redirect check. @default 80 */
    httpPort?: number;
    /** Address to connect to instead of resolving the host name (like `curl --resolve`). @default - DNS */
    resolveTo?: string;
    /** Certificate authorities to trust instead of Node's bundled ones (tests, private CAs). */
    ca?: string | Buffer | (string | Buffer)[];
    /** Check that the certificate chains to a trusted CA (`false` skips `certificate-trusted`). @default true */
    rejectUnauthorized?: boolean;
    /** Per-request timeout in milliseconds. @default 10000 */
    timeoutMs?: number;
    /** Smallest acceptable HSTS max-age in seconds. @default 31536000 (one year) */
    minHstsMaxAgeSeconds?: number;
    /** Fewest days the certificate must still be valid. @default 14 */
    minCertificateDays?: number;
}

const ONE_YEAR = 31_536_000;
const DAY_MS = 86_400_000;
const MODERN_TLS = ["TLSv1.2", "TLSv1.3"];

/**
 * Checks a deployed site the way a careful reviewer would: plain HTTP redirects to HTTPS, the
 * negotiated TLS version is 1.2 or newer and TLS 1.0/1.1 are refused, the certificate is trusted,
 * not about to expire and covers every alias, and HSTS plus the security headers are sent.
 * Every check runs; the report lists the failed ones as faults.
 */
export async function verifySite(url: string, options: VerifyOptions = {}): Promise<VerifyReport> {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:") {
        throw new Error(`${url} is not an https:// URL`);
    }
    const hostname = parsed.hostname.replace(/^\[|\]$/g, "");
    const target: Target = {
        hostname,
        address: options.resolveTo ?? hostname,
        httpsPort: Number(parsed.port || 443),
        httpPort: options.httpPort ?? 80,
        path: `${parsed.pathname}${parsed.search}`,
        ca: options.ca,
        rejectUnauthorized: options.rejectUnauthorized ?? true,
        timeoutMs: options.timeoutMs ?? 10_000,
    };
    const checks: VerifyCheck[] = [];
    checks.push(await redirectCheck(target));
    checks.push(...(await tlsChecks(target, options)));
    checks.push(...(await headerChecks(target, options.minHstsMaxAgeSeconds ?? ONE_YEAR)));
    return reportOf(url, checks);
}

async function redirectCheck(target: Target): Promise<VerifyCheck> {
    const name = "http-redirect";
    try {
        const answer = await httpGet(target);
        const location = String(answer.headers.location ?? "");
        const redirected = [301, 302, 307, 308].includes(answer.status) && new URL(location, `http://${target.hostname}`).protocol === "https:";
        return {
            name,
            ok: redirected,
            detail: redirected
                ? `HTTP ${answer.status} to ${location}`
                : `plain HTTP answered ${answer.status}${location ? ` to ${location}` : ""}; expected a 301 to https:// (viewer protocol policy redirect-to-https)`,
        };
    } catch (err) {
        // Refusing port 80 outright is also safe, but users typing the bare name then get nothing.
        return { name, ok: false, detail: `plain HTTP failed (${(err as Error).message}); expected a 301 to https://` };
    }
}

async function tlsChecks(target: Target, options: VerifyOptions): Promise<VerifyCheck[]> {
    let negotiated;
    try {
        negotiated = await handshake(target, "TLSv1", "TLSv1.3");
    } catch (err) {
        return [{ name: "https-reachable", ok: false, detail: `no TLS handshake with ${target.address}:${target.httpsPort}: ${(err as Error).message}` }];
    }
    const checks: VerifyCheck[] = [];
    const protocol = negotiated.protocol ?? "unknown";
    checks.push({
        name: "tls-version",
        ok: MODERN_TLS.includes(protocol),
        detail: MODERN_TLS.includes(protocol) ? `negotiated ${protocol}` : `negotiated ${protocol}; expected TLSv1.2 or TLSv1.3 (security policy TLSv1.2_2021 or newer)`,
    });
    const legacy = await handshake(target, "TLSv1", "TLSv1.1").then(
        (h) => h.protocol ?? "a legacy version",
        () => undefined,
    );
    checks.push({
        name: "tls-legacy-refused",
        ok: legacy === undefined,
        detail: legacy === undefined ? "TLS 1.0/1.1 handshakes are refused" : `a ${legacy} handshake was accepted; expected only TLS 1.2+`,
    });
    if (target.rejectUnauthorized) {
        checks.push({
            name: "certificate-trusted",
            ok: negotiated.authorized,
            detail: negotiated.authorized ? "chains to a trusted CA" : `not trusted: ${negotiated.authorizationError}`,
        });
    }
    const cert = negotiated.certificate;
    const daysLeft = Math.floor((Date.parse(cert.valid_to) - Date.now()) / DAY_MS);
    const minDays = options.minCertificateDays ?? 14;
    checks.push({
        name: "certificate-expiry",
        ok: daysLeft >= minDays,
        detail: `valid until ${cert.valid_to} (${daysLeft} days)${daysLeft >= minDays ? "" : `; expected at least ${minDays} days (is renewal working?)`}`,
    });
    for (const alias of options.aliases ?? [target.hostname]) {
        const mismatch = tls.checkServerIdentity(alias, cert);
        checks.push({
            name: `certificate-covers:${alias}`,
            ok: mismatch === undefined,
            detail: mismatch === undefined ? `covered (${cert.subjectaltname ?? cert.subject?.CN})` : `not covered: the certificate names ${cert.subjectaltname ?? cert.subject?.CN}`,
        });
    }
    return checks;
}

async function headerChecks(target: Target, minHstsMaxAge: number): Promise<VerifyCheck[]> {
    let answer: Answer;
    try {
        answer = await httpsGet(target);
    } catch (err) {
        return [{ name: "https-response", ok: false, detail: `no HTTPS response: ${(err as Error).message}` }];
    }
    const header = (name: string) => {
        const value = answer.headers[name];
        return Array.isArray(value) ? value.join(", ") : value;
    };
    const hsts = header("strict-transport-security");
    const maxAge = Number(/max-age=(\d+)/i.exec(hsts ?? "")?.[1] ?? NaN);
    const checks: VerifyCheck[] = [
        {
            name: "https-response",
            ok: answer.status < 500,
            detail: `HTTPS answered ${answer.status}${answer.status < 500 ? "" : "; expected a page, not a server error"}`,
        },
        {
            name: "hsts",
            ok: maxAge >= minHstsMaxAge,
            detail: hsts === undefined ? "no Strict-Transport-Security header" : maxAge >= minHstsMaxAge ? hsts : `'${hsts}': max-age below ${minHstsMaxAge} seconds`,
        },
    ];
    const expected: [string, (v: string) => boolean, string][] = [
        ["x-content-type-options", (v) => v.toLowerCase() === "nosniff", "nosniff"],
        ["x-frame-options", (v) => /^(deny|sameorigin)$/i.test(v), "DENY or SAMEORIGIN"],
        ["referrer-policy", (v) => v.length > 0, "a referrer policy"],
    ];
    for (const [name, accepts, wanted] of expected) {
        const value = header(name);
        checks.push({
            name: `header:${name}`,
            ok: value !== undefined && accepts(value),
            detail: value === undefined ? `missing; expected ${wanted}` : accepts(value) ? value : `'${value}'; expected ${wanted}`,
        });
    }
    return checks;
}
