/**
 * Balancing the queue: each unassigned case, most urgent first, goes to the tracer with the fewest open
 * cases at that moment (ties by name), so the load evens out instead of piling on whoever is first.
 */
export function balance(cases: { id: string }[], tracers: { id: string; name: string; openCases: number }[]): Map<string, string> {
  const load = tracers.map((t) => ({ ...t }));
  const assignment = new Map<string, string>();
  if (load.length === 0) return assignment;
  for (const c of cases) {
    const next = load.reduce((a, b) => (b.openCases < a.openCases || (b.openCases === a.openCases && b.name < a.name) ? b : a));
    assignment.set(c.id, next.id);
    next.openCases += 1;
  }
  return assignment;
}
