import * as http from "node:http";
import * as https from "node:https";
import type { PeerCertificate } from "node:tls";
import * as tls from "node:tls";

/** Where and how to connect: the site's host name, the address to dial, and the trust settings. */
export interface Target {
    hostname: string;
    /** The address dialled instead of resolving `hostname` (like `curl --resolve`). */
    address: string;
    httpsPort: number;
    httpPort: number;
    path: string;
    ca?: string | Buffer | (string | Buffer)[];
    /** Report an untrusted certificate as a fault (probes inspect it either way). */
    rejectUnauthorized: boolean;
    timeoutMs: number;
}

/** One HTTP(S) response: status and headers (lower-case names). */
export interface Answer {
    status: number;
    headers: http.IncomingHttpHeaders;
}

/** What a TLS handshake showed. */
export interface Handshake {
    protocol: string | null;
    authorized: boolean;
    authorizationError?: string;
    certificate: PeerCertificate;
}

/** OpenSSL 3 refuses TLS 1.0/1.1 at its default security level; the probes must still see them. */
const LEGACY_CIPHERS = "DEFAULT@SECLEVEL=0";

function servername(target: Target): string | undefined {
    // SNI carries host names only, never IP addresses.
    return /^[\d.]+$|:/.test(target.hostname) ? undefined : target.hostname;
}

/** GET `path` over plain HTTP, without following redirects. */
export function httpGet(target: Target): Promise<Answer> {
    return request(http.request, { host: target.address, port: target.httpPort, path: target.path, headers: { host: hostHeader(target, target.httpPort, 80) } }, target.timeoutMs);
}

/** GET `path` over HTTPS, for the headers. */
export function httpsGet(target: Target): Promise<Answer> {
    return request(
        https.request,
        {
            host: target.address,
            port: target.httpsPort,
            path: target.path,
            servername: servername(target),
            headers: { host: hostHeader(target, target.httpsPort, 443) },
            // The headers are checked whatever the certificate and TLS version: `certificate-trusted`
            // and `tls-version` report those.
            rejectUnauthorized: false,
            minVersion: "TLSv1",
            ciphers: LEGACY_CIPHERS,
            agent: false,
        },
        target.timeoutMs,
    );
}

function hostHeader(target: Target, port: number, defaultPort: number): string {
    return port === defaultPort ? target.hostname : `${target.hostname}:${port}`;
}

function request(send: typeof http.request, options: https.RequestOptions, timeoutMs: number): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const req = send({ ...options, method: "GET", timeout: timeoutMs }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
        req.on("error", reject);
        req.end();
    });
}

/**
 * A TLS handshake offering versions `min`–`max`; resolves with what was negotiated (trust is
 * reported, not enforced, so an untrusted certificate can still be inspected).
 */
export function handshake(target: Target, min: tls.SecureVersion, max: tls.SecureVersion): Promise<Handshake> {
    return new Promise((resolve, reject) => {
        const socket = tls.connect({
            host: target.address,
            port: target.httpsPort,
            servername: servername(target),
            ca: target.ca,
            rejectUnauthorized: false,
            minVersion: min,
            maxVersion: max,
            ciphers: LEGACY_CIPHERS,
            timeout: target.timeoutMs,
        });
        socket.once("secureConnect", () => {
            const result: Handshake = {
                protocol: socket.getProtocol(),
                authorized: socket.authorized,
                authorizationError: socket.authorizationError ? String(socket.authorizationError) : undefined,
                certificate: socket.getPeerCertificate(),
            };
            socket.end();
            resolve(result);
        });
        socket.once("timeout", () => socket.destroy(new Error(`no TLS handshake within ${target.timeoutMs} ms`)));
        socket.once("error", reject);
    });
}
