import { describeValue, invalidUniform } from "./checks.js";
import { buildCumulativeGuide, buildCumulativeTable, searchGuided } from "./cumulative-table.js";
import { DistributionError } from "./distribution.js";
import type { Rng } from "./rng.js";

/** Parameters of a {@link Categorical}: one weight per item. */
export interface CategoricalParameters<T> {
  /** The outcomes; at least one. */
  readonly items: readonly T[];
  /** Relative weights, same length as `items`, each finite and >= 0, with a positive sum. */
  readonly weights: readonly number[];
}

/**
 * A discrete distribution over arbitrary items (call types, priorities, dispositions), drawn by
 * inverse transform on a cumulative table: item i is returned when u falls in
 * [P(index < i), P(index <= i)). Lookup starts from a guide table (see `buildCumulativeGuide`), so
 * costs one or two comparisons on average (binary search past 2,048 items).
 *
 * Uniforms consumed by {@link Categorical.sample}: exactly one, except that a single-item
 * categorical consumes none. The count depends only on the number of items, never on the
 * weights, so changing weights keeps streams aligned between scenarios. Items with weight 0 are
 * never drawn. Weights are normalised internally. Allocation-free after construction.
 */
export class Categorical<T> {
  /** The outcomes, in the order given (a frozen copy). */
  readonly items: readonly T[];
  /** probabilities[i] = weights[i] / Σ weights. */
  readonly probabilities: readonly number[];
  private readonly cumulative: Float64Array;
  /** Where to start looking in `cumulative` (see `buildCumulativeGuide`). */
  private readonly guide: Int32Array | null;
  /**
   * The items again, not frozen, for `sample`: V8 reads an element of a frozen array through a
   * generic keyed-load stub, about twice as slow, and a draw runs once per call and purpose.
   */
  private readonly outcomes: T[];
  private readonly onlyItem: boolean;

  /**
   * @throws {DistributionError} if `items` is empty or not an array, or `weights` does not have
   *   one finite, non-negative weight per item with a positive sum. Example message:
   *   `categorical: weights[1] must be a finite number >= 0, got -1`.
   */
  constructor(parameters: CategoricalParameters<T>) {
    const items: unknown = parameters?.items;
    if (!Array.isArray(items) || items.length === 0) {
      throw new DistributionError(
        `categorical: items must be a non-empty array, got ${describeValue(items)}`,
      );
    }
    const table = buildCumulativeTable(
      "categorical",
      "weights",
      parameters.weights,
      items.length,
      "items",
    );
    this.outcomes = [...(items as T[])];
    this.items = Object.freeze([...this.outcomes]);
    this.probabilities = Object.freeze(Array.from(table.probabilities));
    this.cumulative = table.cumulative;
    this.guide = buildCumulativeGuide(table.cumulative);
    this.onlyItem = items.length === 1;
  }

  /** Number of items. */
  get size(): number {
    return this.outcomes.length;
  }

  /** The first item (the outcome of a single-item categorical, drawn without a uniform). */
  get first(): T {
    return this.outcomes[0];
  }

  /**
   * Draws one item. Consumes one uniform from `rng`, or none when there is a single item.
   *
   * @throws {DistributionError} if `rng` returns a value outside [0, 1).
   */
  sample(rng: Rng): T {
    if (this.onlyItem) return this.outcomes[0];
    return this.pick(rng());
  }

  /**
   * The item that uniform `u` selects: what {@link Categorical.sample} returns when its one
   * uniform is `u`. For callers that draw `u` themselves: a generator called from `sample` is
   * called from one place for every categorical, where V8 sees arrival streams and per-call
   * generators alike and makes a generic call; called at the caller, it inlines.
   *
   * @throws {DistributionError} if `u` is not in [0, 1).
   */
  pick(u: number): T {
    return this.outcomes[this.sampleIndex(u)];
  }

  /**
   * The index of the item that uniform `u` selects (the inverse CDF over indices).
   *
   * @param u - a uniform in [0, 1).
   * @throws {DistributionError} if `u` is not in [0, 1).
   */
  sampleIndex(u: number): number {
    if (!(u >= 0 && u < 1)) throw invalidUniform("categorical", u);
    return searchGuided(this.cumulative, this.guide, u);
  }

  /** E.g. `categorical(3 items)`. */
  toString(): string {
    return `categorical(${this.items.length} item${this.items.length === 1 ? "" : "s"})`;
  }
}
