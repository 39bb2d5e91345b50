import type { RecordedResource } from "../../engine";
import type { PolicyReport } from "../../plan/policyReport";
import { findingsOf } from "./findings";

function xml(text: string): string {
    return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * The report as JUnit XML for CI test tabs: one test suite per policy, one test case per resource
 * the policy reported (a failure when mandatory, a skipped case with the message when advisory),
 * and one passing case for a policy that reported nothing.
 */
export function renderJunit(report: PolicyReport, resources: RecordedResource[]): string {
    const findings = findingsOf(report, resources);
    const suites = report.policies
        .filter((policy) => policy.level !== "disabled")
        .map((policy) => {
            const own = findings.filter((f) => f.violation.policyName === policy.name);
            const cases = own.length
                ? own.map((f) => {
                      const name = xml(f.resource ? `${f.resource.type} ${f.resource.name}` : f.violation.urn);
                      const where = f.source ? ` (${f.source.file}:${f.source.line})` : "";
                      const body = xml(`${f.violation.message}${where}`);
                      return f.violation.level === "mandatory"
                          ? `    <testcase classname="${xml(policy.name)}" name="${name}"><failure message="${body}" type="mandatory">${body}</failure></testcase>`
                          : `    <testcase classname="${xml(policy.name)}" name="${name}"><skipped message="${xml(f.violation.level)}: ${body}"/></testcase>`;
                  })
                : [`    <testcase classname="${xml(policy.name)}" name="no violation"/>`];
            const failures = own.filter((f) => f.violation.level === "mandatory").length;
            const skipped = own.length - failures;
            return [
                `  <testsuite name="${xml(policy.name)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" errors="0">`,
                ...cases,
                "  </testsuite>",
            ].join("\n");
        });
    const total = suites.length ? suites.map((s) => Number(/tests="(\d+)"/.exec(s)![1])).reduce((a, b) => a + b, 0) : 0;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="aws-euc policies (${xml(report.pack)})" tests="${total}" failures="${report.mandatory}" errors="0">`,
        ...suites,
        "</testsuites>",
    ].join("\n");
}
