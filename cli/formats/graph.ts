import type { RecordedResource } from "../../engine";
import { shortType } from "../../plan/render";

/**
 * The resource graph of a plan: parent → child edges (solid) and dependency edges (dashed, from
 * the resource to what it waits for). Mermaid renders in GitHub Markdown; dot in Graphviz.
 */
export function renderGraph(resources: RecordedResource[], format: "mermaid" | "dot"): string {
    const ids = new Map(resources.map((r, i) => [r.urn, `r${i}`]));
    const label = (r: RecordedResource) => `${shortType(r.type)}\\n${r.name}`.replace(/"/g, "'");
    const parents = resources.filter((r) => r.parent && ids.has(r.parent)).map((r) => [ids.get(r.parent!)!, ids.get(r.urn)!]);
    const deps = resources.flatMap((r) => r.dependencies.filter((d) => ids.has(d) && d !== r.parent).map((d) => [ids.get(r.urn)!, ids.get(d)!]));
    if (format === "dot") {
        return [
            "digraph plan {",
            "  rankdir=LR;",
            '  node [shape=box, fontname="Helvetica"];',
            ...resources.map((r) => `  ${ids.get(r.urn)} [label="${label(r)}"${r.custom ? "" : ", style=rounded"}];`),
            ...parents.map(([a, b]) => `  ${a} -> ${b};`),
            ...deps.map(([a, b]) => `  ${a} -> ${b} [style=dashed];`),
            "}",
        ].join("\n");
    }
    return [
        "flowchart LR",
        ...resources.map((r) => `  ${ids.get(r.urn)}${r.custom ? `["${label(r).replace("\\n", "<br/>")}"]` : `("${label(r).replace("\\n", "<br/>")}")`}`),
        ...parents.map(([a, b]) => `  ${a} --> ${b}`),
        ...deps.map(([a, b]) => `  ${a} -.-> ${b}`),
    ].join("\n");
}
