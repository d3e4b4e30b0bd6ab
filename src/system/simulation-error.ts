/** Raised when the simulation reaches an impossible state (a bug, never a user mistake); its message carries the simulated context. */
export class SimulationError extends Error {
  override name = "SimulationError";
}
