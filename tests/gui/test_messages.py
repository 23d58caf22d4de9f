"""The window explains every code of the catalogue, in Arabic too, from the code alone."""

from __future__ import annotations

import importlib.util
import re
import string
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from alhol_desk.core.messages import MESSAGES, Message
from alhol_desk.core.storage.bundles import BundleEntry
from alhol_desk.core.sync import enrolment, importer
from alhol_desk.core.workspace import Workspace, initialise
from alhol_desk.gui import messages
from alhol_desk.gui.i18n import Translations, translate
from alhol_desk.gui.screens import sync_text

ARABIC = re.compile("[\u0600-\u06ff]")
EXPLANATIONS = messages.GENERAL_EXPLANATIONS | sync_text.SYNC_EXPLANATIONS


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _forge() -> ModuleType:
    """tests/sync/forge.py, the bundle forger that uses no alhol-desk code."""
    path = Path(__file__).resolve().parents[1] / "sync" / "forge.py"
    spec = importlib.util.spec_from_file_location("sync_forge", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_code_has_an_explanation_that_its_values_fill(code: str) -> None:
    definition = MESSAGES[code]
    assert definition.explain_as in EXPLANATIONS, (code, definition.explain_as)
    _, what, todo = EXPLANATIONS[definition.explain_as]
    given = _names(definition.text)
    assert _names(what) | _names(todo) <= given, (code, definition.explain_as)


def test_no_explanation_is_left_unused() -> None:
    used = {definition.explain_as for definition in MESSAGES.values()}
    assert set(EXPLANATIONS) - used <= {"general"}


@pytest.mark.parametrize("explain_as", sorted(EXPLANATIONS))
def test_every_explanation_is_translated_with_its_placeholders(
    explain_as: str, translations: Translations
) -> None:
    context, what, todo = EXPLANATIONS[explain_as]
    translations.install("ar")
    for text in (what, todo) if todo else (what,):
        arabic = translate(context, text)
        assert ARABIC.search(arabic), (explain_as, text)
        assert _names(arabic) == _names(text), (explain_as, arabic)


def test_a_stored_refusal_without_a_code_shows_the_general_words_and_its_line(
    translations: Translations,
) -> None:
    line = "a refusal written down before refusals had codes"
    explained = sync_text.explain_refusal(line, None)
    assert not explained.known and explained.detail == line
    translations.install("ar")
    assert ARABIC.search(sync_text.explain_refusal(line, None).what)


def test_a_catch_all_explanation_keeps_the_english_line_as_the_detail() -> None:
    message = Message("bundle_constraint")
    explained = sync_text.explain_error(message)
    assert not explained.known and explained.detail == message.english()
    assert sync_text.explain_error(Message("bundle_signature_mismatch")).known


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    hq = initialise(tmp_path / "hq", team="HQ", role="hq", operator="Omar")
    field = initialise(tmp_path / "field", team="Hasakah 1", role="field", operator="Amina")
    for one, other in ((field, hq), (hq, field)):
        card = enrolment.write_card(one, tmp_path / f"{one.device.id}.card")
        enrolment.trust_card(other, card, enrolment.identity(one).fingerprint)
    yield hq, field
    hq.close()
    field.close()


def test_a_forged_bundle_far_ahead_is_explained_in_arabic_with_arabic_digits(
    laptops: tuple[Workspace, Workspace], tmp_path: Path, translations: Translations
) -> None:
    hq, field = laptops
    forger = _forge().Forger(field.data_dir, field.device.id, "Hasakah 1", hq.data_dir)
    path = forger.bundle(tmp_path, forger.header(5000, {}), [])
    report = importer.import_bundle(hq, path)
    assert report.outcome == "refused"
    assert report.message == Message("seq_far_ahead", {"seq": 5000, "team": "Hasakah 1", "last": 0})
    assert report.reason == report.message.english()
    translations.install("ar")
    explained = sync_text.explain_refusal(report.reason, report.message)
    assert ARABIC.search(explained.what) and ARABIC.search(explained.todo)
    assert "٥٬٠٠٠" in explained.what and "(٠)" in explained.what  # Arabic digits
    assert "Hasakah 1" in explained.what
    assert explained.detail == report.reason  # the English line, for whoever helps
    # The bundle history keeps the code: the Sync screen explains it the same way later.
    (entry,) = [e for e in hq_history(hq) if e.outcome == "refused"]
    assert entry.message == report.message and entry.reason == report.reason


def test_a_forged_bundle_signed_for_a_stranger_is_refused_with_its_code(
    laptops: tuple[Workspace, Workspace], tmp_path: Path, translations: Translations
) -> None:
    hq, field = laptops
    forger = _forge().Forger(field.data_dir, field.device.id, "Hasakah 1", hq.data_dir)
    path = forger.bundle(tmp_path, forger.header(1, {}, recipients=["0" * 32]), [])
    report = importer.verify_bundle(hq, path)
    assert report.message == Message("bundle_not_for_me")
    translations.install("ar")
    explained = sync_text.explain_refusal(report.reason, report.message)
    assert explained.known and ARABIC.search(explained.what)


def test_an_import_warning_reads_in_arabic(translations: Translations) -> None:
    warning = Message("warn_deleted_edited", {"table": "batches", "pk": "0f3a"})
    assert str(warning) == "batches 0f3a: edited elsewhere after it was deleted here"
    translations.install("ar")
    text = sync_text.warning_text(warning)
    assert ARABIC.search(text) and "0f3a" in text and "batches" not in text


def hq_history(ws: Workspace) -> list[BundleEntry]:
    return ws.bundles.history(direction="received")
