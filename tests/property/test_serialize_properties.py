"""Property tests: any model survives the JSON round trip, and its JSON fits the schema.

The strategy is built from the model's own field types, so a class added to the
model is generated without changing this file.
"""

from __future__ import annotations

import enum
import typing
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import cablemodel
from cablemodel import model, strategies
from cablemodel.serialize._shape import is_union, split_optional

# Short strings keep examples small; the alphabet has what cables contain and what
# JSON must escape.
TEXT = st.text(alphabet=st.sampled_from('AZaz09 .,:/()-"\\\xa0\t\n\r¶é\u2028'), max_size=8)

# ISO 8601 offsets in the document are whole minutes, as cables never carry a zone.
WHOLE_MINUTE_ZONES = st.integers(-23 * 60, 23 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@cache
def strategy_for(hint: Any) -> st.SearchStrategy[Any]:
    if hint is str:
        return TEXT
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(min_value=-(2**63), max_value=2**63)
    if hint is datetime:
        return st.datetimes(timezones=st.none() | WHOLE_MINUTE_ZONES)
    if hint is date:
        return st.dates()
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(hint)
    if isinstance(hint, type) and attrs.has(hint):
        hints = typing.get_type_hints(hint)
        return st.builds(
            hint, **{field.name: strategy_for(hints[field.name]) for field in attrs.fields(hint)}
        )
    if is_union(hint):
        members, optional = split_optional(hint)
        choice = st.one_of([strategy_for(member) for member in members])
        return st.none() | choice if optional else choice
    arguments = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return st.lists(strategy_for(arguments[0]), max_size=3).map(tuple)
    if typing.get_origin(hint) is tuple:
        return st.tuples(*(strategy_for(argument) for argument in arguments))
    raise TypeError(f"no strategy for {hint!r}")


cables = strategy_for(model.Cable)


def _reads_back(cable: model.Cable) -> bool:
    try:
        cablemodel.from_json(cablemodel.to_json(cable))
    except cablemodel.CableJSONError:
        return False
    return True


VALIDATOR = Draft202012Validator(
    cablemodel.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(strategies.cables())
def test_json_round_trip_gives_an_equal_cable(cable: model.Cable) -> None:
    back = cablemodel.from_json(cablemodel.to_json(cable))
    assert back == cable
    assert cablemodel.to_dict(back) == cablemodel.to_dict(cable)  # spans as well


@SETTINGS
@given(cables)
def test_any_model_is_read_back_exactly_when_its_text_reads_back(cable: model.Cable) -> None:
    """A model of any values: from_json refuses it, naming a JSON path, or gives it back
    equal, and then its text parses back to it."""
    try:
        back = cablemodel.from_json(cablemodel.to_json(cable))
    except cablemodel.CableJSONError as error:
        paths = [problem.split(":")[0] for problem in error.problems]
    else:
        paths = []
        assert back == cable
        assert cablemodel.parse(cablemodel.render(back)) == back
    assert all(path.startswith("$") for path in paths)


@SETTINGS
@given(cables)
def test_every_document_validates_against_the_schema(cable: model.Cable) -> None:
    errors = [
        f"{error.json_path}: {error.message}"
        for error in VALIDATOR.iter_errors(cablemodel.to_dict(cable))
    ]
    assert errors == []


PUBLISHER = model.Publisher(
    reference_id=model.ReferenceId(year=2005, origin="PARIS", serial=3759),
    created=datetime(2005, 5, 31, 15, 15),
    classification=model.Classification(model.Level.CONFIDENTIAL),
    origin="Embassy Paris",
    title="A TITLE",
)


@settings(max_examples=200, deadline=None)
@given(st.builds(model.Span, *(st.integers(1, 10**6),) * 4) | st.none())
def test_spans_round_trip(span: model.Span | None) -> None:
    """Spans take no part in equality, so the equality test above cannot see them."""
    cable = model.Cable(PUBLISHER, lead=(model.BlankLine(" ", span=span),))
    assert cablemodel.from_json(cablemodel.to_json(cable)).lead[0].span == span


@SETTINGS
@given(strategies.cables() | cables.filter(_reads_back), st.sampled_from([None, 2]))
def test_orjson_writes_and_reads_what_json_does(cable: model.Cable, indent: int | None) -> None:
    from cablemodel import serialize

    assert serialize._orjson is not None  # a dev dependency: both ways are tested
    fast = cablemodel.to_json(cable, indent=indent)
    saved, serialize._orjson = serialize._orjson, None
    try:
        slow = cablemodel.to_json(cable, indent=indent)
        back_slow = cablemodel.from_json(slow)
    finally:
        serialize._orjson = saved

    assert fast == slow
    back = cablemodel.from_json(fast)
    assert back == back_slow
    assert cablemodel.to_dict(back) == cablemodel.to_dict(back_slow)
