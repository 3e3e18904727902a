import { Box, Group, Text } from '@mantine/core';
import { useT } from '../../i18n/useT.js';
import { layoutGraph, type PlacedEdge } from './graphLayout.js';
import type { TransmissionGraph } from './outbreaksApi.js';

const RADIUS = 14;
const CASE_COLOUR = 'var(--mantine-color-red-7)';
const CONTACT_COLOUR = 'var(--mantine-color-blue-6)';

/** The outbreak's transmission graph as SVG: cases red, contacts blue, suspected links dashed. */
export function TransmissionGraphSvg({ graph }: { graph: TransmissionGraph }) {
  const { t } = useT();
  const layout = layoutGraph(graph);
  if (layout.nodes.length === 0) return <Text>{t('tracing.outbreak.graph.empty')}</Text>;
  const cases = graph.nodes.filter((n) => n.kind === 'case').length;
  const description = t('tracing.outbreak.graph.description', { cases, contacts: graph.nodes.length - cases, links: layout.edges.length });
  return (
    <>
      <Box style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby="transmission-graph-title transmission-graph-desc"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
        >
          <title id="transmission-graph-title">{t('tracing.outbreak.graph.title')}</title>
          <desc id="transmission-graph-desc">{description}</desc>
          <defs>
            <marker id="transmission-arrow" viewBox="0 0 10 10" refX={10} refY={5} markerWidth={6} markerHeight={6} orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--mantine-color-gray-7)" />
            </marker>
          </defs>
          {layout.edges.map((e) => (
            <line
              key={`${e.from}-${e.to}`}
              x1={e.x1}
              y1={e.y1}
              {...arrowEnd(e)}
              stroke="var(--mantine-color-gray-7)"
              strokeWidth={1.5}
              strokeDasharray={e.confirmed ? undefined : '5 4'}
              markerEnd="url(#transmission-arrow)"
            />
          ))}
          {layout.nodes.map((n) => (
            <g key={n.id}>
              <circle cx={n.x} cy={n.y} r={RADIUS} fill={n.kind === 'case' ? CASE_COLOUR : CONTACT_COLOUR} stroke="white" strokeWidth={2} />
              <text x={n.x} y={n.y + RADIUS + 14} textAnchor="middle" fontSize={12} fill="var(--mantine-color-text)">
                {n.label}
              </text>
            </g>
          ))}
        </svg>
      </Box>
      <Group gap="lg" mt="xs" aria-hidden>
        <Legend colour={CASE_COLOUR} text={t('tracing.outbreak.graph.case')} />
        <Legend colour={CONTACT_COLOUR} text={t('tracing.outbreak.graph.contact')} />
        <Text size="sm">{t('tracing.outbreak.graph.dashed')}</Text>
      </Group>
    </>
  );
}

/** Where the line ends: at the edge of the target's circle, so the arrowhead shows. */
function arrowEnd(e: PlacedEdge): { x2: number; y2: number } {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy) || 1;
  const back = RADIUS + 2;
  return { x2: e.x2 - (dx / length) * back, y2: e.y2 - (dy / length) * back };
}

function Legend({ colour, text }: { colour: string; text: string }) {
  return (
    <Group gap={6}>
      <svg width={12} height={12} aria-hidden>
        <circle cx={6} cy={6} r={6} fill={colour} />
      </svg>
      <Text size="sm">{text}</Text>
    </Group>
  );
}
