/**
 * A report cannot be built from what it was given (no summary.json in the folder, a file that is
 * not a run's summary). The command line turns it into exit code 2 with its message.
 */
export class ReportInputError extends Error {
  override name = "ReportInputError";
}
