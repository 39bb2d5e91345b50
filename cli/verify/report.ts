/** One check of a deployed site: its name, whether it passed, and what was seen. */
export interface VerifyCheck {
    /**
     * Stable name, e.g. `http-redirect`, `tls-version`, `tls-legacy-refused`, `certificate-trusted`,
     * `certificate-expiry`, `certificate-covers:www.example.com`, `hsts`,
     * `header:x-content-type-options`, `header:x-frame-options`, `header:referrer-policy`.
     */
    name: string;
    ok: boolean;
    /** What was observed, and for a fault what is expected. */
    detail: string;
}

/** The result of {@link verifySite}: every check, and the failed ones as faults. */
export interface VerifyReport {
    url: string;
    checks: VerifyCheck[];
    faults: VerifyCheck[];
    ok: boolean;
}

/** Builds a report from its checks. */
export function reportOf(url: string, checks: VerifyCheck[]): VerifyReport {
    const faults = checks.filter((c) => !c.ok);
    return { url, checks, faults, ok: faults.length === 0 };
}

/** The report as text: one line per check, then a summary line. */
export function renderVerifyReport(report: VerifyReport): string {
    const width = Math.max(...report.checks.map((c) => c.name.length), 0);
    const lines = report.checks.map((c) => `  ${c.ok ? "ok   " : "FAULT"}  ${c.name.padEnd(width)}  ${c.detail}`);
    const summary = report.ok
        ? `${report.url}: all ${report.checks.length} checks passed`
        : `${report.url}: ${report.faults.length} fault(s): ${report.faults.map((f) => f.name).join(", ")}`;
    return [`Verifying ${report.url}`, ...lines, summary].join("\n");
}
