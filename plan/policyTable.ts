import { conformanceText } from "../policies/conformance";
import { ALL_POLICIES } from "../policies/library";

/** The README's table of every policy: name, default level, severity, control ids, how it relates to them, remediable. */
export function policyTable(): string {
    const rows = ALL_POLICIES.map((policy) => {
        const claimed = (policy.tags ?? []).filter((tag) => /^(securityhub|checkov|prowler):/.test(tag)).map((tag) => tag.split(":")[1]);
        const controls = claimed.join(", ");
        const remediable = "remediateResource" in policy && policy.remediateResource ? "yes" : "";
        const config = policy.configSchema ? Object.keys(policy.configSchema.properties).map((k) => `\`${k}\``).join(", ") : "";
        return `| \`${policy.name}\` | ${policy.enforcementLevel} | ${policy.severity} | ${controls || "–"} | ${conformanceText(policy.name, claimed)} | ${remediable} | ${config} |`;
    });
    return ["| Policy | Default level | Severity | Controls | Matches control / stricter | Remediable | Config |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

if (require.main === module) {
    process.stdout.write(policyTable() + "\n");
}
