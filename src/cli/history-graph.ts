/**
 * Pictures of the revision graph for `migrate history`: `--graph` draws it in the terminal the
 * way `git log --graph` does (one lane per open line of descent, newest first), and
 * `--format mermaid|dot` writes it for docs and pull requests. Dependencies (`dependsOn`) are not
 * lines of descent: the terminal picture names them on the revision's line, the diagrams draw
 * them dashed.
 */
import type { RevisionInfo } from "../project/revision-info.js";

/** The diagram languages `history --format` writes. */
export type GraphFormat = "mermaid" | "dot";

/** The graph formats, for option validation. */
export const GRAPH_FORMATS: readonly GraphFormat[] = ["mermaid", "dot"];

function laneRow(lanes: readonly (string | null)[], marks: ReadonlyMap<number, string>): string {
  return lanes.map((lane, k) => marks.get(k) ?? (lane === null ? " " : "|")).join(" ").trimEnd();
}

function trimLanes(lanes: (string | null)[]): void {
  while (lanes.length > 0 && lanes[lanes.length - 1] === null) lanes.pop();
}

/**
 * The terminal picture: one line per revision (`*` in its lane, then `text(info)`), with `/`
 * above a revision where a branch that grew from it joins, and `\` below a merge where a lane
 * opens for its other parent. `infos` must be newest first (children before parents), as `history` returns them.
 */
export function drawGraph(infos: readonly RevisionInfo[], text: (info: RevisionInfo) => string): string[] {
  const lanes: (string | null)[] = [];
  const out: string[] = [];
  for (const info of infos) {
    const { id, downRevisions } = info.revision;
    let col = lanes.indexOf(id);
    if (col < 0) {
      // A head: the first free lane, or a new one at the right.
      col = lanes.indexOf(null);
      if (col < 0) col = lanes.push(id) - 1;
      else lanes[col] = id;
    }
    // Other lanes waiting for this revision: branches that grew from it join it first.
    const joining = lanes.flatMap((lane, k) => (lane === id && k !== col ? [k] : []));
    if (joining.length > 0) {
      out.push(laneRow(lanes, new Map(joining.map((k) => [k, "/"]))));
      for (const k of joining) lanes[k] = null;
      trimLanes(lanes);
    }
    out.push(`${laneRow(lanes, new Map([[col, "*"]]))}  ${text(info)}`);
    const [first, ...others] = downRevisions;
    lanes[col] = first ?? null;
    const opened: number[] = [];
    for (const parent of others) {
      if (lanes.includes(parent)) continue;
      let free = lanes.indexOf(null, col + 1);
      if (free < 0) free = lanes.push(parent) - 1;
      else lanes[free] = parent;
      opened.push(free);
    }
    if (opened.length > 0) out.push(laneRow(lanes, new Map(opened.map((k) => [k, "\\"]))));
    trimLanes(lanes);
  }
  return out;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, "#quot;");
}

function dotText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

/** The graph as a diagram: edges go from parent to child (base at the bottom), dependencies dashed. */
export function graphDiagram(infos: readonly RevisionInfo[], format: GraphFormat): string {
  const lines: string[] = [];
  if (format === "mermaid") {
    lines.push("flowchart BT");
    infos.forEach((info, i) => lines.push(`  r${i}["${mermaidText(`${info.revision.id}: ${info.revision.message}`)}"]`));
  } else {
    lines.push("digraph revisions {", "  rankdir=BT;", "  node [shape=box];");
    for (const info of infos) lines.push(`  "${dotText(info.revision.id)}" [label="${dotText(info.revision.id)}\\n${dotText(info.revision.message)}"];`);
  }
  const index = new Map(infos.map((info, i) => [info.revision.id, i]));
  const edge = (from: string, to: string, dashed: boolean): void => {
    if (!index.has(from) || !index.has(to)) return; // outside the listed range
    if (format === "mermaid") lines.push(`  r${index.get(from)} ${dashed ? "-.->" : "-->"} r${index.get(to)}`);
    else lines.push(`  "${dotText(from)}" -> "${dotText(to)}"${dashed ? " [style=dashed]" : ""};`);
  };
  for (const info of [...infos].reverse()) {
    for (const parent of info.revision.downRevisions) edge(parent, info.revision.id, false);
    for (const dep of info.revision.dependsOn) edge(dep, info.revision.id, true);
  }
  if (format === "dot") lines.push("}");
  return lines.join("\n");
}
