/**
 * "Did you mean ...?" for misspelt names (simmer's "(typo?)"): the closest candidate by edit
 * distance, if it is close enough to be a plausible typo.
 */

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name` when at most a third of its letters (and at least one) differ,
 * else null. Ties go to the earlier candidate, so the answer is stable.
 */
export function nearMiss(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best !== null && bestDistance <= allowed ? best : null;
}

/** ", did you mean 'x'?" or "" */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const near = nearMiss(name, candidates);
  return near === null ? "" : `, did you mean '${near}'?`;
}
