/** A mistake in how resim was called (bad flag value, unknown model): exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}
