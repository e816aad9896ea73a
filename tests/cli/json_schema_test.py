"""Every command's --json output against its JSON Schema in docs/schemas (draft 2020-12).

Usage: json_schema_test.py PATH/TO/cascade PATH/TO/docs/schemas
Runs each command on small graphs, validates its output, and checks that the schemas refuse a
record with a key removed or added, so that the check can fail.
"""
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

cascade, schemas = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name} {detail}")


def errors(command, record):
    schema = json.loads((schemas / f"{command}.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]


with tempfile.TemporaryDirectory() as work:
    work = pathlib.Path(work)
    (work / "net.txt").write_text("".join(f"{i} {(i * 7 + 3) % 300}\n{i} {(i * 13 + 5) % 300}\n"
                                          for i in range(300)))
    (work / "names.csv").write_text('source,target\n"Müller, Anna",bob\nbob,"say ""hi"""\n')
    (work / "likers.txt").write_text("1\n2\nghost\n")
    (work / "truth.csv").write_text("".join(f"{i},{i % 3}\n" for i in range(300)))
    (work / "fees.csv").write_text("1,2\n2,3\n")
    (work / "targets.csv").write_text("label,weight\n" + "".join(f"{i},{1 + i % 4}\n"
                                                                 for i in range(0, 300, 3)))
    (work / "reached.txt").write_text("5\n6\n")
    (work / "log.txt").write_text("".join(f"{i} {(i * 7 + 3) % 300} 1 {(i * 13 + 5) % 300} 2 ghost 3\n"
                                          for i in range(300)))
    (work / "learned.csv").write_text("source,target,probability,trials,successes,low,high\n"
                                      "a,b,0.75,4,3,0.28,0.95\nb,c,0.5,2,1,0.09,0.91\n"
                                      "c,a,0.1,0,0,0.03,0.97\n")
    (work / "plan.toml").write_text(
        '[network]\ngraph = "net.txt"\n[model]\ndeadline = 4\n[budget]\ntotal = 4\n'
        '[[phase]]\nshare = 0.5\nsteps = 2\n[[phase]]\nshare = 0.5\nseeding = "hubs"\n'
        '[value]\ncpm = 5\nvalue_per_adoption = 2\n[run]\nworlds = 5\neps = 0.3\n')
    (work / "icn_plan.toml").write_text(
        '[network]\ngraph = "net.txt"\n[model]\nmodel = "icn:q=0.5,neg=2"\nneg_weight = 1\n'
        '[budget]\ntotal = 2\n[[phase]]\nshare = 0.5\nsteps = 2\nseeding = "hubs"\n'
        '[[phase]]\nshare = 0.5\nseeding = "hubs"\n[value]\ncpm = 5\nvalue_per_adoption = 2\n'
        '[run]\nworlds = 5\n')
    (work / "audience_plan.toml").write_text(
        '[network]\ngraph = "net.txt"\n[audience]\ntargets = "targets.csv"\n[budget]\n'
        'total = 5\nfees = "fees.csv"\n[[phase]]\nseeding = "list"\nseeds = [\"1\", \"2\"]\n')
    net, names = str(work / "net.txt"), str(work / "names.csv")
    learned = str(work / "learned.csv")
    runs = [
        ("info", [net]), ("info", [names, "--prob", "const:0.1"]),
        ("simulate", [net, "--seed-labels", "1,2", "--runs", "50"]),
        ("simulate", [net, "--seed-labels", "1", "--runs", "1", "--model", "icn:q=0.5,neg=2"]),
        ("simulate", [net, "--seed-labels", "1,2", "--runs", "50", "--cpm", "8",
                      "--value-per-adoption", "2", "--default-cost", "5"]),
        ("simulate", [net, "--seed-labels", "1", "--runs", "1", "--model", "icn:q=0.5,neg=2",
                      "--cpm", "8", "--value-per-adoption", "2"]),
        ("simulate", [names, "--seed-labels", '"Müller, Anna"', "--rel-error", "0.5"]),
        ("simulate", [learned, "--prob", "weight", "--seed-labels", "a", "--runs", "100",
                      "--draws", "5"]),
        ("seeds", [net, "-k", "3", "--validation", "1000"]),
        ("seeds", [net, "-k", "3", "--validation", "1000", "--targets", str(work / "targets.csv"),
                   "--reached", str(work / "reached.txt"), "--deadline", "2"]),
        ("simulate", [net, "--seed-labels", "1,2", "--runs", "50", "--targets",
                      str(work / "targets.csv"), "--reached", str(work / "reached.txt")]),

        ("seeds", [learned, "--prob", "weight", "-k", "1", "--validation", "100", "--draws", "5"]),
        ("seeds", [net, "-k", "2", "--against", str(work / "reached.txt"), "--validation", "500"]),
        ("simulate", [net, "--seed-labels", "1,2", "--runs", "50", "--against",
                      str(work / "reached.txt"), "--tie", "rumor"]),
        ("simulate", [net, "--seed-labels", "1", "--runs", "1", "--against",
                      str(work / "reached.txt")]),
        ("seeds", [net, "-k", "2", "--model", "threshold:2", "--runs", "10", "--candidates", "20"]),
        ("seeds", [net, "-k", "2", "--model", "icn:q=0.8,neg=1", "--validation", "1000"]),
        ("seeds", [net, "-k", "2", "--model", "icn:q=0.8,neg=1.5", "--runs", "10",
                   "--validation", "1000"]),
        ("seeds", [net, "--costs", str(work / "fees.csv"), "--budget", "5", "--validation", "1000"]),
        ("seeds", [net, "--reach", "20", "--validation", "1000"]),
        ("seeds", [net, "--reach", "20", "--costs", str(work / "fees.csv"), "--validation", "1000"]),
        ("seeds", [names, "-k", "1", "--algo", "degree", "--validation", "1000"]),
        ("seeds", [net, "-k", "3", "--algo", "credit", "--log", str(work / "log.txt"),
                   "--log-format", "cascades", "--validation", "1000"]),
        ("seeds", [net, "-k", "2", "--algo", "credit", "--log", str(work / "log.txt"),
                   "--log-format", "cascades", "--window", "inf", "--validation", "1000"]),
        ("influencers", [net, "--samples", "2000", "--top", "3"]),
        ("learn", [net, "--log", str(work / "log.txt"), "--log-format", "cascades",
                   "--test", str(work / "log.txt")]),
        ("learn", [names, "--log", str(work / "fees.csv"), "--log-format", "cascades",
                   "--method", "jaccard", "--window", "inf", "--estimate", "posterior"]),
        ("communities", [net, "--truth", str(work / "truth.csv")]),
        ("compare", [net, "-k", "2", "--runs", "20"]),
        ("campaign", [str(work / "plan.toml")]),
        ("campaign", [str(work / "audience_plan.toml"), "--worlds", "1"]),
        ("campaign", [str(work / "icn_plan.toml")]),
        ("audit", [net, "--account", "1", "--likers", str(work / "likers.txt"), "--runs", "10"]),
        ("demo", ["--report", str(work / "demo-report.html")]),
        ("report", [names, "-k", "1", "--runs", "20", "--out", str(work / "names.html")]),
        ("convert", [net, str(work / "net.graphml")]),
        ("convert", [names, str(work / "names.csv.gz"), "--prob", "trivalency"]),
        ("export", [names, str(work / "names.gexf"), "--seed-labels", '"Müller, Anna"',
                    "--communities", "--influence", "--samples", "2000", "--reach", "--runs", "20"]),
        ("export", [net, str(work / "net.graphml")]),
        ("generate", ["planted-partition", str(work / "planted.txt"), "--nodes", "60",
                      "--groups", "3", "--degree", "6", "--communities", str(work / "groups.csv")]),
    ]
    records = {}
    for command, arguments in runs:
        result = subprocess.run([cascade, command, *arguments, "--json"], capture_output=True,
                                text=True)
        name = " ".join([command, *arguments])
        if result.returncode != 0:
            check(name, False, result.stderr)
            continue
        record = json.loads(result.stdout)
        records.setdefault(command, record)
        problems = errors(command, record)
        check(name, not problems, "; ".join(problems[:5]))

    # The check can fail: a record without a required key, or with an unknown one, is refused.
    for command, record in records.items():
        missing = copy.deepcopy(record)
        del missing["seconds"]
        check(f"{command}: a record without seconds is refused", bool(errors(command, missing)))
        extra = copy.deepcopy(record)
        extra["surprise"] = 1
        check(f"{command}: an unknown key is refused", bool(errors(command, extra)))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
