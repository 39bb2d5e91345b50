import { readFileSync } from "node:fs";
import { renderVerifyReport } from "./report";
import { verifySite, VerifyOptions } from "./verifySite";

/** Where `runVerify` writes: stdout and stderr by default. */
export interface VerifyIo {
    out(text: string): void;
    err(text: string): void;
}

const USAGE = `usage: aws-euc verify <https-url> [--alias <name>]... [--http-port <port>] [--resolve <address>] [--ca <pem-file>] [--json]

Checks a deployed site: HTTP redirects to HTTPS, TLS 1.2+ only, a trusted certificate that covers
every --alias and is not about to expire, HSTS and the security headers.
Exit code: 0 when every check passes, 1 on faults, 2 on a usage error.`;

/** Parses the arguments of `verify`; throws a message on a usage error. */
export function parseVerifyArgs(argv: string[]): { url: string; options: VerifyOptions; json: boolean } {
    const options: VerifyOptions = {};
    const aliases: string[] = [];
    let url: string | undefined;
    let json = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const next = argv[++i];
            if (next === undefined || next.startsWith("--")) {
                throw new Error(`${arg} needs a value`);
            }
            return next;
        };
        if (arg === "--alias") {
            aliases.push(value());
        } else if (arg === "--http-port") {
            const port = Number(value());
            if (!Number.isInteger(port) || port < 1 || port > 65535) {
                throw new Error(`--http-port must be a port number from 1 to 65535`);
            }
            options.httpPort = port;
        } else if (arg === "--resolve") {
            options.resolveTo = value();
        } else if (arg === "--ca") {
            options.ca = readFileSync(value());
        } else if (arg === "--json") {
            json = true;
        } else if (arg.startsWith("--")) {
            throw new Error(`unknown option ${arg}`);
        } else if (url === undefined) {
            url = arg;
        } else {
            throw new Error(`unexpected argument ${arg}`);
        }
    }
    if (url === undefined || !/^https:\/\/[^/]/.test(url)) {
        throw new Error(url === undefined ? "the site's https:// URL is required" : `${url} is not an https:// URL`);
    }
    if (aliases.length > 0) {
        options.aliases = aliases;
    }
    return { url, options, json };
}

/** `aws-euc verify <url> …`: 0 when every check passes, 1 on faults, 2 on a usage error. */
export async function runVerify(argv: string[], io: VerifyIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
    let parsed;
    try {
        parsed = parseVerifyArgs(argv);
    } catch (err) {
        io.err(`error: ${(err as Error).message}\n${USAGE}\n`);
        return 2;
    }
    const report = await verifySite(parsed.url, parsed.options);
    io.out(`${parsed.json ? JSON.stringify(report, null, 2) : renderVerifyReport(report)}\n`);
    return report.ok ? 0 : 1;
}
