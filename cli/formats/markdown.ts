import type { RecordedResource } from "../../engine";
import type { PolicyReport } from "../../plan/policyReport";
import { findingsOf, typesOf } from "./findings";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** The report as Markdown for `$GITHUB_STEP_SUMMARY` or a pull-request comment. */
export function renderMarkdown(report: PolicyReport, resources: RecordedResource[], project: string): string {
    const findings = findingsOf(report, resources);
    const verdict = report.mandatory > 0 ? "❌ blocked" : report.advisory > 0 ? "⚠️ passed with advisories" : "✅ passed";
    const lines = [
        `### aws-euc policy check — ${cell(project)}: ${verdict}`,
        "",
        `${resources.length} resources planned; ${report.mandatory} mandatory and ${report.advisory} advisory violation(s) from pack \`${report.pack}\`.`,
    ];
    if (findings.length) {
        lines.push("", "| Level | Policy | Resource | Where | Message | Controls |", "| --- | --- | --- | --- | --- | --- |");
        for (const f of findings) {
            const resource = f.resource ? `\`${f.resource.name}\` (${f.resource.type})` : f.violation.urn;
            const where = f.source ? `\`${f.source.file}:${f.source.line}\`` : "";
            const policy = f.policy?.url ? `[\`${f.violation.policyName}\`](${f.policy.url})` : `\`${f.violation.policyName}\``;
            lines.push(`| ${f.violation.level} | ${policy} | ${cell(resource)} | ${where} | ${cell(f.violation.message)} | ${f.controls.join(", ")} |`);
        }
    }
    if (report.uncheckedTypes?.length) {
        lines.push("", `Not judged by any policy of the pack: ${report.uncheckedTypes.map((t) => `\`${t}\``).join(", ")}.`);
    }
    lines.push("", `<details><summary>Resource types in the plan (${typesOf(resources).length})</summary>`, "", typesOf(resources).map((t) => `\`${t}\``).join(", "), "", "</details>");
    return lines.join("\n");
}
