/**
 * Classifying CAD call types into resim's categories with a taxonomy file chain (a city file that
 * extends a general one). Rules are tried in order, the city's first; the first whose codes,
 * keywords or regular expression match wins. A type no rule matches goes to the `unmapped`
 * category (default `other`) and is counted, so the import can list it for the user to map.
 *
 * Classification is cached per distinct type (a few hundred in a city's export), so its cost per
 * row is one map look-up.
 */
import { resolve } from "node:path";
import { ScenarioError, type ScenarioIssue } from "../scenario/errors.js";
import { RESIM_CATEGORIES, type ResimCategory } from "./categories.js";
import { taxonomyFile } from "./package-root.js";
import { taxonomySchema, type TaxonomyInput, type TaxonomyRuleInput } from "./taxonomy-schema.js";
import { readValidated } from "./yaml-file.js";

/** What a call type means for the simulation. */
export interface Classification {
  category: ResimCategory;
  behavioralHealth: boolean;
  weapon: boolean;
  /** Priority to use when the export has no priority column. */
  priority: number;
  /** False when no rule matched and the unmapped category was used. */
  mapped: boolean;
}

interface UnitsRule {
  categories?: readonly ResimCategory[];
  priorities?: readonly number[];
  units: number;
}

interface CompiledRule {
  codes: ReadonlySet<string> | null;
  pattern: RegExp | null;
  result: Classification;
}

/** Distinct types cached; beyond this (free-text types), classification is simply recomputed. */
const CACHE_LIMIT = 100_000;

/** A loaded taxonomy chain: classifies call types (see the file header). */
export class Taxonomy {
  private readonly cache = new Map<string, Classification>();

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly fallback: Classification,
    /** The files of the chain, most specific first, for the import summary. */
    readonly files: readonly string[],
    /** Units per call rules, the most specific file's first; empty when no file gives any. */
    private readonly unitRules: readonly UnitsRule[] = [],
  ) {}

  /** Whether the taxonomy gives units per call at all. */
  get hasUnits(): boolean {
    return this.unitRules.length > 0;
  }

  /** Units the city sends to a call of this category and priority, or NaN when no rule says. */
  unitsFor(category: string, priority: number): number {
    for (const rule of this.unitRules) {
      if ((rule.categories === undefined || rule.categories.includes(category as ResimCategory)) && (rule.priorities === undefined || rule.priorities.includes(priority))) return rule.units;
    }
    return NaN;
  }

  /** The category of call types no rule matches. */
  get unmappedCategory(): ResimCategory {
    return this.fallback.category;
  }

  /**
   * Classifies a call type. `code` is the export's value; `text` its description from a lookup
   * (or the value itself): codes match `code`, keywords and regular expressions match `text`.
   */
  classify(code: string, text: string): Classification {
    const key = text === code ? code : `${code}\u0000${text}`;
    let result = this.cache.get(key);
    if (result === undefined) {
      result = this.match(code.trim().toUpperCase(), text);
      if (this.cache.size < CACHE_LIMIT) this.cache.set(key, result);
    }
    return result;
  }

  private match(code: string, text: string): Classification {
    for (const rule of this.rules) {
      if (rule.codes?.has(code) || rule.pattern?.test(text)) return rule.result;
    }
    return this.fallback;
  }
}

/** Loads a taxonomy file and the files it extends. Throws ScenarioError for any problem. */
export function loadTaxonomy(file: string): Taxonomy {
  const chain: { file: string; input: TaxonomyInput }[] = [];
  const seen: string[] = [];
  for (let next: string | undefined = file; next !== undefined; ) {
    const path = resolve(next);
    if (seen.includes(path)) {
      throw new ScenarioError(chain[chain.length - 1].file, [{ path: ["extends"], message: `forms a cycle: ${[...seen, path].join(" -> ")}` }]);
    }
    seen.push(path);
    const input: TaxonomyInput = readValidated(taxonomySchema, next);
    chain.push({ file: next, input });
    next = input.extends === undefined ? undefined : taxonomyFile(input.extends, next);
  }
  const defaults = new Map<ResimCategory, { priority: number; behavioralHealth: boolean }>();
  for (const { input } of [...chain].reverse()) {
    for (const [name, value] of Object.entries(input.categories)) if (value) defaults.set(name as ResimCategory, value);
  }
  const missing = RESIM_CATEGORIES.filter((c) => !defaults.has(c));
  if (missing.length > 0) {
    throw new ScenarioError(file, [{ path: ["categories"], message: `must give a priority for every category (here or in a file it extends), missing: ${missing.join(", ")}` }]);
  }
  const rules: CompiledRule[] = [];
  for (const { file: ruleFile, input } of chain) {
    const issues: ScenarioIssue[] = [];
    input.rules.forEach((rule, i) => {
      const compiled = compileRule(rule, defaults.get(rule.category)!, ["rules", i], issues);
      if (compiled) rules.push(compiled);
    });
    if (issues.length > 0) throw new ScenarioError(ruleFile, issues);
  }
  const unmapped = chain.find((link) => link.input.unmapped !== undefined)?.input.unmapped ?? "other";
  const fallbackDefaults = defaults.get(unmapped)!;
  const fallback = Object.freeze({ category: unmapped, behavioralHealth: fallbackDefaults.behavioralHealth, weapon: false, priority: fallbackDefaults.priority, mapped: false });
  const unitRules = chain.flatMap((link) => link.input.units ?? []);
  return new Taxonomy(rules, fallback, chain.map((link) => link.file), unitRules);
}

function compileRule(
  rule: TaxonomyRuleInput,
  defaults: { priority: number; behavioralHealth: boolean },
  path: (string | number)[],
  issues: ScenarioIssue[],
): CompiledRule | null {
  if (!rule.codes && !rule.keywords && !rule.regex) {
    issues.push({ path, message: "must match something: give codes, keywords or regex" });
    return null;
  }
  const alternatives: string[] = [];
  if (rule.keywords) {
    // Whole words: a keyword must not run into letters or digits on either side ("od" is not "model").
    alternatives.push(`(?<![a-z0-9])(?:${rule.keywords.map(escapeRegex).join("|")})(?![a-z0-9])`);
  }
  if (rule.regex) {
    try {
      new RegExp(rule.regex, "i");
      alternatives.push(`(?:${rule.regex})`);
    } catch (error) {
      issues.push({ path: [...path, "regex"], message: `must be a valid regular expression: ${(error as Error).message}` });
      return null;
    }
  }
  return {
    codes: rule.codes ? new Set(rule.codes.map((c) => c.trim().toUpperCase())) : null,
    pattern: alternatives.length > 0 ? compiledPattern(alternatives.join("|")) : null,
    result: Object.freeze({
      category: rule.category,
      behavioralHealth: rule.behavioralHealth ?? defaults.behavioralHealth,
      weapon: rule.weapon ?? false,
      priority: rule.priority ?? defaults.priority,
      mapped: true,
    }),
  };
}

/** Rules' patterns by source, kept for the process (a few dozen per taxonomy file). */
const patterns = new Map<string, RegExp>();
const PATTERNS_KEPT = 1000;

/**
 * The case-insensitive pattern of `source`, one object per source for every load of a taxonomy:
 * V8 compiles a pattern when a new RegExp object first runs, which for a taxonomy's long keyword
 * alternations cost more than classifying all of an import's types (each import loads its
 * mapping, and so its taxonomy, afresh). Patterns without the g or y flag keep no state between
 * tests, so sharing them changes no result.
 */
function compiledPattern(source: string): RegExp {
  let pattern = patterns.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, "i");
    if (patterns.size < PATTERNS_KEPT) patterns.set(source, pattern);
  }
  return pattern;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
