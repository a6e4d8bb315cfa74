// Loops in an SBOM's dependency graph. Package managers allow two packages to depend on each
// other (npm does: the juice-shop SBOM has resolve-dir and global-modules requiring each other),
// so such a loop is reported, not refused. A package depending on itself, or containing itself,
// is a broken file; the readers refuse those where they find them.

/**
 * The strongly connected components with more than one member (Tarjan's algorithm, iterative
 * so a deep graph cannot overflow the stack), each in the order its members were first reached.
 */
export function dependencyLoops(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;

  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.node);
        if (members.length > 1) loops.push(members.reverse());
      }
    }
  }
  return loops;
}

/** One sentence per loop, at most `max` of them, naming the members. */
export function describeLoops(loops: string[][], name: (ref: string) => string, max = 5): string[] {
  const lines = loops.slice(0, max).map((members) => {
    const names = members.slice(0, 4).map(name);
    const more = members.length > 4 ? ` and ${members.length - 4} more` : '';
    return members.length === 2
      ? `${names[0]} and ${names[1]} depend on each other; kept as declared (package managers such as npm allow it).`
      : `${members.length} components depend on each other in a loop (${names.join(', ')}${more}); kept as declared.`;
  });
  if (loops.length > max) lines.push(`${loops.length - max} more dependency loops like these.`);
  return lines;
}
