"""A longer fuzz campaign against the importer (hypothesis), with the suite's rule and inputs.

The rule (tests/safety/fuzz_harness.py): whatever the file, ``import_bundle`` returns a
clean refusal or a valid import; never another exception, never a partial write. The
suite runs a few hundred inputs on every commit; this runs as many as asked and keeps
going after a failure, then prints the inputs tried, the outcomes and the failures.

    uv run python benchmarks/fuzz_import.py [--examples 5000] [--seed N] [--kinds ...]

Exit code 1 if any input broke the rule. Kinds: bytes, age_json, signed_json, signed_bytes
(random payloads, signed: they reach the inflater), mutated (format-2 manifests).
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "safety"))

from fuzz_harness import (
    FuzzFailure,
    Receiver,
    dump,
    json_values,
    mutated_manifest,
    random_files,
)
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

KINDS = ("bytes", "age_json", "signed_json", "signed_bytes", "mutated")


class Campaign:
    def __init__(self, receiver: Receiver) -> None:
        self.receiver = receiver
        self.tried: collections.Counter[str] = collections.Counter()
        self.outcomes: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        self.failures: list[tuple[str, str, str, bytes]] = []

    def feed(self, kind: str, data: bytes, template: str = "fresh") -> None:
        self.tried[kind] += 1
        try:
            fed = self.receiver.feed(data, template)
        except FuzzFailure as failure:
            self.outcomes[kind]["FAILURE"] += 1
            self.failures.append((kind, template, str(failure), data))
            return
        except Exception:  # the harness itself broke: report it as a failure too
            self.outcomes[kind]["FAILURE"] += 1
            self.failures.append((kind, template, traceback.format_exc(limit=3), data))
            return
        self.outcomes[kind][fed.outcome] += 1

    def strategy(self, kind: str) -> Any:
        r = self.receiver
        if kind == "bytes":
            return random_files.map(lambda d: ("fresh", d))
        if kind == "age_json":
            return json_values.map(lambda v: ("fresh", r.encrypt_only(dump(v))))
        if kind == "signed_json":
            return json_values.map(lambda v: ("fresh", r.seal(dump(v))))
        if kind == "signed_bytes":
            return st.binary(max_size=2000).map(lambda b: ("fresh", r.seal_payload(b)))
        return mutated_manifest(r.base_docs()).map(lambda tp: (tp[0], r.seal_payload(tp[1])))

    def run(self, kind: str, examples: int, run_seed: int) -> None:
        @seed(run_seed)
        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(item=self.strategy(kind))
        def one(item: tuple[str, bytes]) -> None:
            template, data = item
            self.feed(kind, data, template)

        one()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="inputs per kind")
    parser.add_argument("--seed", type=int, default=random.randrange(2**32))
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument(
        "--save-failures",
        type=Path,
        default=Path(__file__).resolve().parent / "out" / "fuzz-failures",
        metavar="DIR",
        help="where each failing input is written, to replay it (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    receiver = Receiver()
    campaign = Campaign(receiver)
    started = time.perf_counter()
    try:
        for kind in args.kinds:
            campaign.run(kind, args.examples, args.seed)
    finally:
        receiver.close()
    elapsed = time.perf_counter() - started

    print(f"fuzz_import: seed {args.seed}, {elapsed:.1f} s")
    print(f"{'kind':<12} {'tried':>7}  outcomes")
    for kind in args.kinds:
        counts = ", ".join(f"{k} {v}" for k, v in sorted(campaign.outcomes[kind].items()))
        print(f"{kind:<12} {campaign.tried[kind]:>7}  {counts}")
    total = sum(campaign.tried.values())
    print(f"inputs tried: {total}; failures: {len(campaign.failures)}")
    if campaign.failures:
        args.save_failures.mkdir(parents=True, exist_ok=True)
    for number, (kind, template, message, data) in enumerate(campaign.failures):
        saved = args.save_failures / f"{args.seed}-{number}-{kind}-{template}.alhol"
        saved.write_bytes(data)  # replay: Receiver().feed(saved.read_bytes(), template)
        if number < 10:
            print(f"- {kind}: {message.strip()} (input {len(data)} bytes, saved as {saved})")
    return 1 if campaign.failures else 0


if __name__ == "__main__":
    sys.exit(main())
