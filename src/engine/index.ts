export { EventQueue } from "./event-queue.js";
export { Simulation, SchedulingError, type EventHandler } from "./simulation.js";
