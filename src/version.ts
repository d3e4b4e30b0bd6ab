/**
 * resim's version, as package.json gives it (tests/scenario/provenance.test.ts keeps the two
 * equal). A constant rather than a read of package.json at run time: the installed layout
 * (dist/ or src/ under a test runner) would make that read depend on where resim runs.
 */
export const RESIM_VERSION = "0.1.0";
