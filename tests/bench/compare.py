"""Podplay's validator against a peer from PyPI, kubernetes-validate, in one run.

Both read the same Pods: every manifest of the Kubernetes docs examples (core/tests/corpus,
block and flow style) for throughput, and tests/compare/invalid/ (each file invalid in one way,
said in its first line) for what each one catches.

- Throughput counts whole Pods read from text and validated: kubernetes-validate in this process
  (PyYAML, then its JSON-schema check, strict), Podplay as its release command line checking the
  corpus repeated ROUNDS times in one process (so its start-up is spread over all of them).
- A file is caught when the validator refuses it: `podplay check` exits 1, kubernetes-validate
  raises ValidationError (or PyYAML cannot read it).

Usage: python3 tests/bench/compare.py PODPLAY_BINARY OUT.json
"""

import json
import pathlib
import platform
import subprocess
import sys
import time

import kubernetes_validate
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
KUBERNETES_VERSION = "1.34.0"
ROUNDS = 100


def corpus():
    """The docs examples, in a stable order."""
    return sorted((ROOT / "core/tests/corpus/k8s-docs-examples").rglob("*.yaml"))


def invalid_set():
    """The invalid manifests, each with the reason in its first line."""
    return sorted((ROOT / "tests/compare/invalid").glob("*.yaml"))


def peer_refuses(text):
    """True when kubernetes-validate (with PyYAML) refuses the text."""
    try:
        documents = [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except yaml.YAMLError:
        return True
    if not documents:
        return True
    try:
        for document in documents:
            kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError:
        return True
    return False


def podplay_refuses(binary, path):
    """True when `podplay check` refuses the file (exit code 1)."""
    done = subprocess.run([binary, "check", str(path)], capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"podplay check {path} exited {done.returncode}: {done.stderr!r}")
    return done.returncode == 1


def peer_throughput(texts):
    """Pods per second for kubernetes-validate over ROUNDS rounds of the corpus."""
    for text in texts:  # Loads and caches the schemas, as a long-running user would.
        peer_refuses(text)
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for text in texts:
            peer_refuses(text)
    return ROUNDS * len(texts) / (time.perf_counter() - start)


def podplay_throughput(binary, paths):
    """Pods per second for `podplay check` over ROUNDS copies of the corpus in one process."""
    arguments = [str(path) for path in paths] * ROUNDS
    start = time.perf_counter()
    subprocess.run([binary, "check", *arguments], capture_output=True, check=False)
    return len(arguments) / (time.perf_counter() - start)


def main():
    binary, out = sys.argv[1], pathlib.Path(sys.argv[2])
    paths = corpus()
    texts = [path.read_text() for path in paths]
    valid_refused = {
        "podplay": [p.name for p in paths if podplay_refuses(binary, p)],
        "kubernetes-validate": [p.name for p, t in zip(paths, texts) if peer_refuses(t)],
    }
    cases = []
    for path in invalid_set():
        text = path.read_text()
        cases.append(
            {
                "file": path.name,
                "why": text.splitlines()[0].lstrip("# "),
                "podplay": podplay_refuses(binary, path),
                "kubernetes-validate": peer_refuses(text),
            }
        )
    ours = podplay_throughput(binary, paths)
    theirs = peer_throughput(texts)
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {platform.system()}, {__import__('os').cpu_count()} cores",
        "peer": f"kubernetes-validate {kubernetes_validate.version.__version__} (schemas of Kubernetes {KUBERNETES_VERSION}, strict)",
        "corpus_files": len(paths),
        "rounds": ROUNDS,
        "pods_per_second": {"podplay": round(ours), "kubernetes-validate": round(theirs)},
        "ratio": round(ours / theirs, 1),
        "valid_refused": valid_refused,
        "invalid_caught": {
            "podplay": sum(case["podplay"] for case in cases),
            "kubernetes-validate": sum(case["kubernetes-validate"] for case in cases),
            "of": len(cases),
        },
        "cases": cases,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"Podplay against {result['peer']}, {result['date']}, {result['machine']}")
    print(f"| | Podplay | kubernetes-validate |")
    print(f"|---|---|---|")
    print(f"| Pods read and validated per second ({len(paths)} docs examples × {ROUNDS}) | {round(ours):,} | {round(theirs):,} |")
    print(f"| invalid manifests caught (of {len(cases)}) | {result['invalid_caught']['podplay']} | {result['invalid_caught']['kubernetes-validate']} |")
    print(f"| valid docs examples refused (of {len(paths)}) | {len(valid_refused['podplay'])} | {len(valid_refused['kubernetes-validate'])} |")
    print(f"Podplay is {result['ratio']}× as fast.")
    for case in cases:
        mark = lambda caught: "caught" if caught else "missed"
        print(f"  {case['file']:<32} podplay {mark(case['podplay']):<7} peer {mark(case['kubernetes-validate']):<7} {case['why']}")


if __name__ == "__main__":
    main()
