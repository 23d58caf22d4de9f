"""Errors a user can act on (a field and a reason), kept apart from bugs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from .messages.base import Message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# Every reason a user can see, once. Templates are plain English with ``{name}``
# placeholders; the GUI passes the template through Qt's translation system and
# formats it with the same params, so a new reason needs a translation too.
REASONS: dict[str, str] = {
    "required": "is required",
    "not_whole_number": "must be a whole number, not {value!r}",
    "not_text": "must be text",
    "negative": "cannot be negative",
    "too_large": "is too large (at most {limit})",
    "bad_date": (
        "is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY, "
        "for example 2024-05-31, 2024-05 or 2024"
    ),
    "future_date": "is in the future ({value}); {what} cannot be dated after today",
    "unknown_country": "{value!r} is not a known ISO 3166 alpha-3 country code",
    "unknown_choice": "{value!r} is not one of: {choices}",
    "too_long": "is too long ({length} characters, at most {limit})",
    "no_people": "counts no one; a batch that is not cancelled has at least one person",
    "total_mismatch": "is {value}, but {parts} add up to {expected}",
    "bands_mismatch": "is {value}, but its age bands add up to {expected}",
    "age_range": "must be between 0 and 17 for a child",
    "age_order": "({min_age}) is above the oldest child's age ({max_age})",
    "ages_without_children": "is given but the batch has no children",
    "too_many_children_flagged": (
        "unaccompanied ({unaccompanied}) + separated ({separated}) is more than "
        "the {children} children in the batch"
    ),
    "families_exceed_people": "({value}) is more than the {people} people in the batch",
    "parts_exceed_total": "is {value}, less than women + men + girls + boys ({expected})",
    "part_exceeds_whole": "({value}) is more than the {whole} countries counted",
    "no_figure": "gives no figure; enter at least one count",
    "control_characters": "contains control characters",
    "exceeds_estimate": (
        "brings the people repatriated to {country} to {repatriated}, more than its "
        "latest estimate of {estimate} ({source}, {date})"
    ),
    "received_without_source": "is empty for a received batch; say where the figures come from",
}


@dataclass(frozen=True)
class Issue:
    """One problem with one field: an error blocks saving, a warning does not."""

    field: str
    code: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)
    severity: Severity = Severity.ERROR

    @property
    def reason(self) -> str:
        return REASONS[self.code].format(**self.params)

    @property
    def reason_without_value(self) -> str:
        """The reason with the offending value left out, for text that is logged or kept
        (a bundle's refusal): the value may be a child's name or a note."""
        return REASONS[self.code].format(**(dict(self.params) | {"value": _WITHHELD}))

    def describe(self, label: str | None = None) -> str:
        return f"{label or self.field}: {self.reason}"


class _Withheld:
    def __repr__(self) -> str:
        return "the value given"

    __str__ = __repr__


_WITHHELD = _Withheld()


class AlholError(Exception):
    """A refusal the user can understand and act on (CLI exit code 1).

    Raised with a code of ``core.messages`` and its values: ``AlholError("no_changes")``,
    ``AlholError("out_exists", path=out)``, or with a ``Message``. ``str(error)`` is the
    English line the CLI prints; ``error.message`` is what the window translates.
    """

    def __init__(self, code: str | Message, /, **params: Any) -> None:
        from .messages import MESSAGES

        if isinstance(code, Message):
            message = code
        elif code in MESSAGES:
            message = Message(code, params)
        else:  # a sentence, or a code nobody declared: a bug, caught by the tests
            raise ValueError(f"{code!r} is not a message code of core.messages")
        self.message = message
        super().__init__(message.english())


class ValidationFailed(AlholError):
    """A record broke one or more rules; nothing was written."""

    def __init__(self, errors: Iterable[Issue], warnings: Iterable[Issue] = ()) -> None:
        self.errors = tuple(errors)
        self.warnings = tuple(warnings)
        super().__init__("rules_broken", issues="; ".join(i.describe() for i in self.errors))


class NotFound(AlholError):
    """A record id that does not exist on this device."""


class NotInitialised(AlholError):
    """The data folder has no database or device yet."""


class SchemaTooNew(AlholError):
    """The database was written by a newer version of the app."""
