import { describe, expect, it } from 'vitest';
import { LAYOUT, layoutGraph } from './graphLayout.js';
import type { GraphNode } from './outbreaksApi.js';

const node = (id: string, kind: GraphNode['kind'] = 'case'): GraphNode => ({ id, label: id.toUpperCase(), kind });
const placedById = (layout: ReturnType<typeof layoutGraph>) => new Map(layout.nodes.map((n) => [n.id, n]));

describe('layoutGraph', () => {
  it('puts each case one layer below the case that infected it', () => {
    const layout = layoutGraph({
      nodes: [node('c'), node('b'), node('a')],
      edges: [
        { from: 'a', to: 'b', confirmed: true },
        { from: 'b', to: 'c', confirmed: false },
      ],
    });
    const at = placedById(layout);
    expect([at.get('a')!.layer, at.get('b')!.layer, at.get('c')!.layer]).toEqual([0, 1, 2]);
    expect(at.get('b')!.y - at.get('a')!.y).toBe(LAYOUT.layerGap);
    expect(layout.height).toBe(2 * LAYOUT.margin + 2 * LAYOUT.layerGap);
    expect(layout.edges[1]).toMatchObject({ from: 'b', to: 'c', confirmed: false, x1: at.get('b')!.x, y2: at.get('c')!.y });
  });

  it('spreads a layer evenly inside the drawing, widening it for many nodes', () => {
    const contacts = ['k1', 'k2', 'k3', 'k4'].map((id) => node(id, 'contact'));
    const layout = layoutGraph({ nodes: [node('index'), ...contacts], edges: contacts.map((c) => ({ from: 'index', to: c.id, confirmed: true })) });
    const xs = layout.nodes.filter((n) => n.layer === 1).map((n) => n.x);
    expect(layout.width).toBe(4 * LAYOUT.nodeGap);
    expect(xs).toEqual([0.5, 1.5, 2.5, 3.5].map((k) => k * LAYOUT.nodeGap));
    expect(placedById(layout).get('index')!.x).toBe(layout.width / 2);
  });

  it('ends on a cycle and still places every node', () => {
    const layout = layoutGraph({
      nodes: [node('a'), node('b')],
      edges: [
        { from: 'a', to: 'b', confirmed: true },
        { from: 'b', to: 'a', confirmed: true },
      ],
    });
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(layout.edges).toHaveLength(2);
  });

  it('leaves out edges to unknown nodes and loops, and draws an empty graph at the minimum size', () => {
    const layout = layoutGraph({
      nodes: [node('a')],
      edges: [
        { from: 'a', to: 'ghost', confirmed: true },
        { from: 'a', to: 'a', confirmed: true },
      ],
    });
    expect(layout.edges).toEqual([]);
    expect(layoutGraph({ nodes: [], edges: [] })).toEqual({ width: LAYOUT.minWidth, height: 2 * LAYOUT.margin, nodes: [], edges: [] });
  });
});
