"""M/M/10 in SimPy, the yardstick of `npm run bench:simpy` (bench/versus-simpy.ts).

The same queue as scenarios/validation/mmc.yaml: Poisson arrivals at 17 calls per hour, 10
servers, exponential service with mean 30 minutes, first come first served, every customer's
queue wait recorded. Time is in minutes.

Usage: python3 bench/mmc-simpy.py [CUSTOMERS] [SEED]
Prints one line: the API used, customers served and their mean queue wait (Erlang C: 10.597 min).

Runs under SimPy 3 or 4 (`import simpy`: Environment, env.process, Resource) and under SimPy 2
(`import SimPy.Simulation`: Process, activate, Resource, simulate; Debian's python3-simpy).
"""

import random
import sys

ARRIVALS_PER_MIN = 17 / 60
MEAN_SERVICE_MIN = 30.0
SERVERS = 10


def run_simpy3(simpy, customers, rng):
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    waits = []

    def customer():
        arrived = env.now
        with servers.request() as request:
            yield request
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1 / MEAN_SERVICE_MIN))

    def source():
        for _ in range(customers):
            yield env.timeout(rng.expovariate(ARRIVALS_PER_MIN))
            env.process(customer())

    env.process(source())
    env.run()
    return waits


def run_simpy2(sim, customers, rng):
    waits = []
    sim.initialize()
    servers = sim.Resource(capacity=SERVERS)

    class Customer(sim.Process):
        def visit(self):
            arrived = sim.now()
            yield sim.request, self, servers
            waits.append(sim.now() - arrived)
            yield sim.hold, self, rng.expovariate(1 / MEAN_SERVICE_MIN)
            yield sim.release, self, servers

    class Source(sim.Process):
        def generate(self):
            for _ in range(customers):
                yield sim.hold, self, rng.expovariate(ARRIVALS_PER_MIN)
                c = Customer()
                sim.activate(c, c.visit())

    source = Source()
    sim.activate(source, source.generate())
    sim.simulate(until=1e15)
    return waits


def main():
    customers = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    try:
        import simpy

        api = "SimPy " + getattr(simpy, "__version__", "3+")
        waits = run_simpy3(simpy, customers, rng)
    except ImportError:
        import SimPy
        import SimPy.Simulation as sim

        api = "SimPy " + getattr(SimPy, "__version__", "2")
        waits = run_simpy2(sim, customers, rng)
    print(f"{api}: {len(waits)} customers, mean queue wait {sum(waits) / len(waits):.3f} min")


main()
