"""Property: field devices and HQ editing concurrently and swapping bundles in any order converge,
and every concurrent edit with different values reaches HQ's conflict log."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alhol_desk.core import services
from alhol_desk.core.records import Batch
from alhol_desk.core.sync import exporter, importer, resolution
from alhol_desk.core.workspace import Workspace, initialise
from enrolling import enrol

EDITABLE = {
    "note": lambda rng: rng.choice(["checked", "to confirm", "sheet 2", None]),
    "destination": lambda rng: rng.choice(["Moscow", "Grozny", "Baghdad"]),
    "agency": lambda rng: rng.choice(["UNICEF", "ICRC", "MoLSA"]),
    "women": lambda rng: rng.randint(0, 9),
    "men": lambda rng: rng.randint(0, 9),
}


class Network:
    """Three field laptops and HQ; a stick carries each bundle to the devices it addresses."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.rng = rng
        self.root = root
        self.hq = initialise(root / "hq", team="HQ", role="hq", operator="hq")
        self.fields = [
            initialise(root / f"f{i}", team=f"Team {i}", role="field", operator=f"officer {i}")
            for i in range(3)
        ]
        for field in self.fields:
            enrol(field, self.hq, root)
        self.pending: list[tuple[Workspace, Path]] = []
        self.stick = root / "stick"
        self.stick.mkdir()

    @property
    def everyone(self) -> list[Workspace]:
        return [self.hq, *self.fields]

    def export(self, ws: Workspace) -> None:
        result = exporter.export_bundle(ws, self.stick)
        by_id = {target.device.id: target for target in self.everyone}
        self.pending.extend((by_id[bundle.device], bundle.path) for bundle in result.bundles)

    def deliver_one(self) -> None:
        target, path = self.pending.pop(self.rng.randrange(len(self.pending)))
        report = importer.import_bundle(target, path)
        assert report.outcome in ("applied", "already_imported"), report.line()

    def settle(self) -> None:
        """Exchange until quiet: every device exports, every bundle arrives, in random order."""
        for _ in range(3):
            for ws in self.rng.sample(self.everyone, len(self.everyone)):
                self.export(ws)
            while self.pending:
                self.deliver_one()

    def close(self) -> None:
        for ws in self.everyone:
            ws.close()


def _visible(ws: Workspace) -> list[str]:
    return [b.id for b in services.batches(ws)]


def _state(ws: Workspace) -> dict[str, tuple[object, ...]]:
    return {
        b.id: tuple(getattr(b, c) for c in Batch.synced_columns())
        for b in (ws.table(Batch).get(pk) for pk in _all_ids(ws))
        if b is not None
    }


def _all_ids(ws: Workspace) -> list[str]:
    return [row[0] for row in ws.db.execute("SELECT id FROM batches ORDER BY id")]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(rng=st.randoms(use_true_random=False, note_method_calls=True))
def test_concurrent_edits_converge_and_conflicts_reach_hq(
    tmp_path_factory, rng: random.Random
) -> None:
    """Every choice (who edits what, which bundle goes where first) is drawn through
    hypothesis, so a failure shrinks to a short story."""
    net = Network(tmp_path_factory.mktemp("net"), rng)
    try:
        for _ in range(4):  # a few records, made on random devices, known everywhere
            ws = rng.choice(net.everyone)
            services.save_batch(
                ws,
                {
                    "country": rng.choice(["RUS", "IRQ", "FRA"]),
                    "departure_date": "2024-02-01",
                    "status": "received",
                    "girls": rng.randint(1, 5),
                    "boys": rng.randint(1, 5),
                    "source": "test",
                },
            )
        net.settle()

        for _round in range(2):
            # Concurrent phase: nobody syncs; each device edits each field at most once.
            writes: dict[tuple[str, str], dict[str, object]] = defaultdict(dict)
            for ws in net.everyone:
                for pk in rng.sample(_visible(ws), k=min(2, len(_visible(ws)))):
                    if rng.random() < 0.15:
                        services.delete_batch(ws, pk)
                        writes[(pk, "deleted")][ws.device.id] = 1
                        continue
                    column = rng.choice(sorted(EDITABLE))
                    value = EDITABLE[column](rng)
                    before = getattr(services.get_batch(ws, pk), column)
                    services.save_batch(ws, {column: value}, pk)
                    if value != before:
                        writes[(pk, column)][ws.device.id] = value
            # Exchange in random order: partial exports and deliveries interleaved, then settle.
            for _ in range(rng.randint(0, 6)):
                if net.pending and rng.random() < 0.5:
                    net.deliver_one()
                else:
                    net.export(rng.choice(net.everyone))
            net.settle()

            states = [_state(ws) for ws in net.everyone]
            assert all(state == states[0] for state in states[1:]), "replicas differ"
            _valid_everywhere(net)

            logged = {
                (c.pk, c.column) for c in resolution.open_conflicts(net.hq, include_resolved=True)
            }
            for (pk, column), by_device in writes.items():
                if len(set(map(repr, by_device.values()))) > 1:
                    assert (pk, column) in logged, f"concurrent edit of {column} not logged"
                deleted_by = writes.get((pk, "deleted"), {})
                if column != "deleted" and deleted_by and set(by_device) - set(deleted_by):
                    assert (pk, "deleted") in logged, "delete racing an edit not logged"
    finally:
        net.close()


# --- rule conflicts, settled as a person would ------------------------------------------------

# What one device does to the shared batch: change girls, boys or both and keep the total
# right (each edit valid alone), or edit a note. Drawn by hypothesis, so a failure shrinks.
edit_op = st.one_of(
    st.tuples(st.just("girls"), st.integers(1, 6)),
    st.tuples(st.just("boys"), st.integers(1, 6)),
    st.tuples(st.just("note"), st.sampled_from(["checked", "sheet 2", "to confirm"])),
)


def _shared_batch(hq: Workspace) -> str:
    """The batch every device edits: 2 girls + 3 boys = 5 children, made at HQ."""
    return services.save_batch(
        hq,
        {
            "country": "RUS",
            "departure_date": "2024-02-01",
            "status": "received",
            "girls": 2,
            "boys": 3,
            "children": 5,
            "source": "test",
        },
    ).record.id


def _valid_everywhere(net: Network) -> None:
    from alhol_desk.core import validation

    for ws in net.everyone:
        for pk in _all_ids(ws):
            record = ws.table(Batch).get(pk)
            assert record is not None
            issues = validation.check_record(
                record, today=ws.today(), is_known_country=ws.is_known_country
            )
            errors, _ = validation.split(issues)
            assert not errors, (ws.device.team, [e.describe() for e in errors])


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    ops=st.lists(st.tuples(st.integers(0, 3), edit_op), min_size=2, max_size=8),
    data=st.data(),
)
def test_rule_conflicts_keep_every_record_valid_and_converge_once_settled(
    tmp_path_factory, ops: list[tuple[int, tuple[str, object]]], data: st.DataObject
) -> None:
    net = Network(tmp_path_factory.mktemp("rules"), random.Random(0))
    try:
        pk = _shared_batch(net.hq)
        net.settle()
        for who, (column, value) in ops:  # concurrent: nobody syncs in between
            ws = net.everyone[who]
            now = services.get_batch(ws, pk)
            if column == "note":
                services.save_batch(ws, {"note": value}, pk)
                continue
            girls = value if column == "girls" else now.girls
            boys = value if column == "boys" else now.boys
            services.save_batch(ws, {column: value, "children": girls + boys}, pk)
        for ws in data.draw(st.permutations(net.everyone), label="export order"):
            net.export(ws)
        while net.pending:  # deliveries in an order hypothesis draws (and shrinks)
            index = data.draw(st.integers(0, len(net.pending) - 1), label="deliver")
            net.pending.insert(0, net.pending.pop(index))
            target, path = net.pending.pop(0)
            report = importer.import_bundle(target, path)
            assert report.outcome in ("applied", "already_imported"), report.line()
            _valid_everywhere(net)  # no merge ever writes a record that breaks a rule
        net.settle()
        _valid_everywhere(net)

        # A person settles, at HQ, what is still open: the figures HQ holds are typed as
        # the right ones (each laptop then receives them as a fast-forward).
        for ws in net.everyone:
            for conflict in resolution.open_conflicts(ws):
                if conflict.status != "open" or conflict.kind != "rule":
                    continue
                if not any(c.id == conflict.id for c in resolution.open_conflicts(ws)):
                    continue  # settled with an earlier one of the same record
                held = services.get_batch(ws, pk)
                resolution.resolve_conflict(
                    ws,
                    conflict.id,
                    values={
                        "girls": held.girls,
                        "boys": held.boys,
                        "children": held.girls + held.boys,
                    },
                )
            net.settle()
        net.settle()
        _valid_everywhere(net)
        states = [_state(ws) for ws in net.everyone]
        assert all(state == states[0] for state in states[1:]), "replicas differ once settled"
    finally:
        net.close()


def test_an_edit_that_lost_here_is_not_sent_beside_the_values_that_beat_it(
    tmp_path: Path,
) -> None:
    """A laptop's girls and children lose to HQ's boys and children: the record it sends
    must still pass every rule (it was once girls 1, boys 1, children 4), so HQ takes it."""
    net = Network(tmp_path, random.Random(0))
    try:
        hq, field = net.hq, net.fields[0]
        pk = _shared_batch(hq)
        net.settle()
        services.save_batch(field, {"girls": 1, "children": 4}, pk)
        hq.clock.observe(field.clock.last)  # HQ's edit is the later one, whatever the wall clock
        services.save_batch(hq, {"girls": 1, "boys": 1, "children": 2}, pk)
        to_field = exporter.export_bundle(hq, net.stick).path_for(field.device.id)
        assert importer.import_bundle(field, to_field).outcome == "applied"
        held = services.get_batch(field, pk)
        assert (held.girls, held.boys, held.children) == (1, 1, 2)

        report = importer.import_bundle(hq, exporter.export_bundle(field, net.stick).path)
        assert report.outcome == "applied", report.line()
        _valid_everywhere(net)
        net.settle()
        _valid_everywhere(net)
        states = [_state(ws) for ws in net.everyone]
        assert all(state == states[0] for state in states[1:]), "replicas differ"
    finally:
        net.close()
