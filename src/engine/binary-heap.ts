/**
 * A binary min-heap over any items, ordered by a strict "runs before" predicate given once.
 * Shared by the engine's event queue and the response system's call queues. Ties must be broken
 * by the predicate itself (a sequence number or an id), so the order never depends on the heap.
 */
export class BinaryHeap<T> {
  private readonly items: T[] = [];

  /** @param before true when `a` must come out before `b`; must be a strict total order. */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The first item, without removing it, or undefined when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    const before = this.before;
    let index = items.length;
    items.push(item);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex];
      if (!before(item, parent)) break;
      items[index] = parent;
      index = parentIndex;
    }
    items[index] = item;
  }

  /** Removes and returns the first item, or undefined when empty. */
  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop()!;
    const length = items.length;
    if (length === 0) return top;
    const before = this.before;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && before(items[right], items[child])) child = right;
      if (!before(items[child], last)) break;
      items[index] = items[child];
      index = child;
    }
    items[index] = last;
    return top;
  }

  /** Restores heap order after the keys of items in it changed (Floyd's bottom-up heapify, O(n)). */
  rebuild(): void {
    const items = [...this.items];
    this.items.length = 0;
    for (const item of items) this.push(item);
  }

  clear(): void {
    this.items.length = 0;
  }
}
