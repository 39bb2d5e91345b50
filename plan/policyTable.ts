import { ALL_POLICIES } from "../policies/library";

/** The README's table of every policy: name, default level, severity, control ids, remediable. */
export function policyTable(): string {
    const rows = ALL_POLICIES.map((policy) => {
        const controls = (policy.tags ?? [])
            .filter((tag) => /^(securityhub|checkov|prowler):/.test(tag))
            .map((tag) => tag.split(":")[1])
            .join(", ");
        const remediable = "remediateResource" in policy && policy.remediateResource ? "yes" : "";
        const config = policy.configSchema ? Object.keys(policy.configSchema.properties).map((k) => `\`${k}\``).join(", ") : "";
        return `| \`${policy.name}\` | ${policy.enforcementLevel} | ${policy.severity} | ${controls || "–"} | ${remediable} | ${config} |`;
    });
    return ["| Policy | Default level | Severity | Controls | Remediable | Config |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

if (require.main === module) {
    process.stdout.write(policyTable() + "\n");
}
