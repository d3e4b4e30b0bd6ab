/**
 * A run that the machine cannot carry: estimated to need more memory or time than it has, or
 * stopped because its calls piled up past what memory can hold, or a worker out of memory. It is
 * the user's scenario or the machine's situation, not a bug in resim: the CLI prints the message
 * (which names the scenario key and the figure) and exits with code 2.
 */
export class ResourceError extends Error {
  override name = "ResourceError";
}
