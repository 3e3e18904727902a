import type { GraphEdge, GraphNode, TransmissionGraph } from './outbreaksApi.js';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  layer: number;
}

export interface PlacedEdge extends GraphEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const LAYOUT = { nodeGap: 140, layerGap: 110, margin: 40, minWidth: 320 } as const;

/**
 * A layered layout of the transmission graph: the first cases (no one infected them) on top, everyone
 * else one layer below the nearest case that passed it on, spread evenly across each layer. Breadth-first,
 * so a cycle (A and B named each other) still ends; edges to nodes that are not in the graph are left out.
 */
export function layoutGraph({ nodes, edges }: TransmissionGraph): GraphLayout {
  const ids = new Set(nodes.map((n) => n.id));
  const known = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const layerOf = assignLayers(nodes, known);

  const layers: GraphNode[][] = [];
  for (const node of nodes) (layers[layerOf.get(node.id)!] ??= []).push(node);
  const widest = Math.max(1, ...layers.map((l) => l.length));
  const width = Math.max(LAYOUT.minWidth, widest * LAYOUT.nodeGap);
  const height = LAYOUT.margin * 2 + Math.max(0, layers.length - 1) * LAYOUT.layerGap;

  const placed = new Map<string, PlacedNode>();
  layers.forEach((layer, depth) =>
    layer.forEach((node, i) => {
      placed.set(node.id, { ...node, layer: depth, x: ((i + 0.5) * width) / layer.length, y: LAYOUT.margin + depth * LAYOUT.layerGap });
    }),
  );

  return {
    width,
    height,
    nodes: nodes.map((n) => placed.get(n.id)!),
    edges: known.map((e) => {
      const from = placed.get(e.from)!;
      const to = placed.get(e.to)!;
      return { ...e, x1: from.x, y1: from.y, x2: to.x, y2: to.y };
    }),
  };
}

/** Layer of every node: 0 for the roots, then the breadth-first distance from the nearest root. */
function assignLayers(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Map<string, number> {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const e of edges) {
    children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
    hasParent.add(e.to);
  }
  const layerOf = new Map<string, number>();
  const visit = (roots: string[]) => {
    const queue = roots.filter((id) => !layerOf.has(id));
    for (const id of queue) layerOf.set(id, 0);
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const child of children.get(id) ?? []) {
        if (layerOf.has(child)) continue;
        layerOf.set(child, layerOf.get(id)! + 1);
        queue.push(child);
      }
    }
  };
  visit(nodes.filter((n) => !hasParent.has(n.id)).map((n) => n.id));
  // Nodes only reachable through a cycle: start from each one left over, in the given order.
  for (const node of nodes) if (!layerOf.has(node.id)) visit([node.id]);
  return layerOf;
}
