"""Long calls release the GIL and stop on Ctrl-C with KeyboardInterrupt, leaving the module usable."""

import subprocess
import sys
import textwrap
import threading
import time

import cascade
from conftest import module_env

# A graph where one simulation run costs real work: every run reaches most of 20,000 people.
LONG = dict(nodes=20000, arcs=200000, seed=2)


def test_ctrl_c_interrupts_a_long_simulation():
    script = textwrap.dedent(f"""
        import os, signal, threading, time
        import cascade
        g = cascade.generate("erdos-renyi", **{LONG!r})
        threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        start = time.monotonic()
        try:
            cascade.simulate(g, [0, 1, 2], prob="const:0.5", runs=10**9, threads=2)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted after", round(time.monotonic() - start, 1))
        # The module still works after the interruption.
        print("then", cascade.simulate(g, [0], runs=10, prob="const:0.5", threads=2).runs)
    """)
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=module_env())
    assert out.returncode == 0, out.stderr
    lines = out.stdout.split("\n")
    assert lines[0].startswith("interrupted after"), out.stdout
    assert float(lines[0].split()[-1]) < 30
    assert lines[1] == "then 10"
    assert time.monotonic() - started < 60


def test_ctrl_c_interrupts_seed_selection_by_simulation():
    script = textwrap.dedent(f"""
        import os, signal, threading
        import cascade
        g = cascade.generate("erdos-renyi", **{LONG!r})
        threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            cascade.seeds(g, 50, algo="celf", runs=1000, prob="const:0.5", threads=2)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=120, env=module_env())
    assert out.stdout.strip() == "interrupted", (out.stdout, out.stderr)


def test_the_gil_is_released_during_a_long_call():
    g = cascade.generate("erdos-renyi", nodes=5000, arcs=50000, seed=3)
    ticks = 0
    done = threading.Event()

    def work():
        cascade.simulate(g, [0, 1], prob="const:0.3", runs=3000, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1  # Python code running while the simulation runs
        time.sleep(0.001)
    worker.join()
    assert ticks > 20
