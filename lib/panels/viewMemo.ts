// A panel's view of one poll, computed once however many viewers ask: every open page refetches
// its panels on each cluster:update, so with 20 viewers a 1,000-agent resources view would be
// rebuilt 20 times from the same /master/state. Keyed by the cached reply object itself, so a new
// poll (a new object) starts afresh and the old views go with the old reply.

const views = new WeakMap<object, Map<string, unknown>>();
const MAX_VIEWS_PER_REPLY = 64; // tasks pages and filters vary; a bounded set of them per poll

export function memoView<D extends object, V>(data: D, key: string, compute: (data: D) => V): V {
  let byKey = views.get(data);
  if (!byKey) views.set(data, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as V;
  const view = compute(data);
  if (byKey.size >= MAX_VIEWS_PER_REPLY) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, view);
  return view;
}

const pairs = new WeakMap<object, WeakMap<object, unknown>>();

/** A view of two cached replies (groups with the queue): computed once per pair of polls. */
export function memoViewOf<A extends object, B extends object, V>(a: A, b: B, compute: (a: A, b: B) => V): V {
  let byB = pairs.get(a);
  if (!byB) pairs.set(a, (byB = new WeakMap()));
  if (byB.has(b)) return byB.get(b) as V;
  const view = compute(a, b);
  byB.set(b, view);
  return view;
}
