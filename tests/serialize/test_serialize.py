"""JSON round trip of the seed, edits made in the JSON, the JSON Schema, and the exact
problems reported for bad JSON."""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from attrs import evolve
from jsonschema import Draft202012Validator

import cablemodel
from cablemodel import model, serialize
from cablemodel.errors import CableJSONError
from tests.helpers import DATA, ROOT, read_text

Document = dict[str, Any]

SCHEMA_FILE = ROOT / "src/cablemodel/schema/cable.schema.json"


@pytest.fixture(scope="module")
def seed(seed_text: str) -> model.Cable:
    return cablemodel.parse(seed_text)


@pytest.fixture(scope="module")
def seed_doc(seed: model.Cable) -> Document:
    return cablemodel.to_dict(seed)


def _index(cable: model.Cable, kind: type) -> int:
    return next(i for i, block in enumerate(cable.blocks) if isinstance(block, kind))


def _validator() -> Draft202012Validator:
    return Draft202012Validator(
        cablemodel.json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _drop_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _drop_spans(item) for key, item in value.items() if key != "span"}
    if isinstance(value, list):
        return [_drop_spans(item) for item in value]
    return value


def _spans(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "span":
                yield item
            else:
                yield from _spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from _spans(item)


# ----------------------------------------------------------------- round trip


def test_seed_round_trips_to_the_same_cable_and_text(seed: model.Cable, seed_text: str) -> None:
    text = cablemodel.to_json(seed)
    back = cablemodel.from_json(text)
    assert back == seed
    assert cablemodel.render(back) == seed_text
    assert cablemodel.to_dict(back) == cablemodel.to_dict(seed)  # spans too


def test_indented_json_reads_back(seed: model.Cable) -> None:
    text = cablemodel.to_json(seed, indent=2)
    assert text.startswith('{\n  "schema_version": 1,\n  "publisher": {\n')
    assert cablemodel.from_json(text) == seed
    assert cablemodel.from_json(text.encode("utf-8")) == seed


def test_compact_json_keeps_no_break_spaces_as_characters(seed: model.Cable) -> None:
    text = cablemodel.to_json(seed)
    assert '"title_gap":"\xa0\xa0"' in text
    assert "\\u00a0" not in text


def test_document_values_are_typed(seed: model.Cable, seed_doc: Document) -> None:
    assert list(seed_doc)[:2] == ["schema_version", "publisher"]
    assert seed_doc["schema_version"] == 1
    assert seed_doc["publisher"]["created"] == "2005-05-31T15:15:00"
    assert seed_doc["publisher"]["reference_id"]["serial"] == 3759
    assert seed_doc["publisher"]["classification"]["level"] == "CONFIDENTIAL"
    eo = seed_doc["blocks"][_index(seed, model.EoLine)]
    assert eo["type"] == "eo_line"
    assert eo["order"] == 12958
    assert eo["instruction"] == {
        "type": "declassify_on",
        "date": "2015-05-31",
        "style": {
            "order": "MDY",
            "separator": "/",
            "month_digits": 2,
            "day_digits": 2,
            "year_digits": 4,
            "second_separator": None,
        },
        "lead": " ",
    }
    assert eo["span"] == {"line": 22, "column": 1, "end_line": 22, "end_column": 29}
    banner = seed_doc["blocks"][_index(seed, model.Banner)]
    assert banner["section"]["leads"] == [" ", " ", " ", " "]
    paragraph = seed_doc["blocks"][_index(seed, model.Paragraph)]
    assert paragraph["number"] == 1
    assert paragraph["marking"]["level"] == "C"
    assert paragraph["parts"] == [
        {"type": "prose", "text": " EST Counselor participated in the May 26 MTCR"}
    ]
    assert paragraph["tail"][0]["type"] == "text_line"


def test_changing_the_decl_date_in_the_json_changes_that_line_only(
    seed: model.Cable, seed_doc: Document, seed_text: str
) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["blocks"][_index(seed, model.EoLine)]["instruction"]["date"] = "2016-06-30"
    edited = cablemodel.render(cablemodel.from_dict(doc))
    assert edited == seed_text.replace("DECL: 05/31/2015", "DECL: 06/30/2016", 1)
    assert edited.count("DECL: 06/30/2016") == 1
    assert edited.count("DECL: 05/31/2015") == 1  # the repeated header keeps its date


def test_editing_the_json_text_changes_the_cable_in_its_own_spelling(
    seed: model.Cable, seed_text: str
) -> None:
    text = cablemodel.to_json(seed).replace('"date":"2015-05-31"', '"date":"2016-06-30"')
    edited = cablemodel.render(cablemodel.from_json(text))
    assert edited == seed_text.replace("DECL: 05/31/2015", "DECL: 06/30/2016")


def test_changing_the_signature_in_the_json(
    seed: model.Cable, seed_doc: Document, seed_text: str
) -> None:
    doc = copy.deepcopy(seed_doc)
    signature = doc["blocks"][_index(seed, model.Signature)]
    assert signature["name"] == "WOLFF"
    signature["name"] = "STAPLETON"
    edited = cablemodel.from_dict(doc)
    assert edited.signature is not None
    assert edited.signature.name == "STAPLETON"
    assert cablemodel.render(edited) == seed_text.removesuffix("WOLFF") + "STAPLETON"


def test_spans_are_written_but_optional_on_input(seed: model.Cable, seed_doc: Document) -> None:
    spans = list(_spans(seed_doc))
    assert len(spans) > 100
    assert all(span is not None for span in spans)
    back = cablemodel.from_dict(_drop_spans(seed_doc))
    assert back == seed
    assert back.publisher.span is None
    assert set(map(json.dumps, _spans(cablemodel.to_dict(back)))) == {"null"}


def test_fields_with_defaults_may_be_left_out() -> None:
    doc = {
        "schema_version": 1,
        "publisher": {
            "reference_id": {"year": 2005, "origin": "PARIS", "serial": 3759},
            "created": "2005-05-31T15:15:00",
            "classification": {"level": "SECRET"},
            "origin": "Embassy Paris",
            "title": "A TITLE",
        },
        "blocks": [{"type": "signature", "name": "WOLFF"}],
    }
    cable = cablemodel.from_dict(doc)
    assert cable.reference_id == "05PARIS3759"
    assert cable.blocks == (model.Signature("WOLFF"),)
    assert cablemodel.render(cable).endswith("pdf\xa0how-to read a cable\nWOLFF")


def test_fresh_converters_agree_with_the_shared_one(seed: model.Cable) -> None:
    converter = serialize.make_converter()
    assert converter is not serialize.make_converter()
    unstructured = converter.unstructure(seed, model.Cable)
    assert {"schema_version": 1, **unstructured} == cablemodel.to_dict(seed)
    assert converter.structure(unstructured, model.Cable) == seed


# ----------------------------------------------------------------- JSON Schema


def test_committed_schema_matches_the_model() -> None:
    """Fails when the model changed: run `python tools/generate_schema.py`."""
    assert cablemodel.json_schema() == serialize.generate_schema()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == serialize.schema_text()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = cablemodel.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["required"][:2] == ["schema_version", "publisher"]
    assert schema["$defs"]["PortionLevel"]["enum"] == ["U", "SBU", "LOU", "C", "S", "TS"]
    assert schema["$defs"]["Block"]["properties"]["type"]["enum"][0] == "partial_notice"
    assert schema["$defs"]["Paragraph"]["properties"]["type"] == {"const": "paragraph"}
    assert "span" not in schema["$defs"]["Paragraph"]["required"]


def test_json_schema_returns_a_fresh_dict() -> None:
    first = cablemodel.json_schema()
    first["title"] = "changed"
    assert cablemodel.json_schema()["title"] == "Cable"


def test_seed_document_validates_against_the_schema(seed_doc: Document) -> None:
    assert list(_validator().iter_errors(seed_doc)) == []
    assert list(_validator().iter_errors(_drop_spans(seed_doc))) == []


def test_schema_rejects_what_from_dict_rejects(seed: model.Cable, seed_doc: Document) -> None:
    doc = copy.deepcopy(seed_doc)
    paragraph = doc["blocks"][_index(seed, model.Paragraph)]
    paragraph["marking"]["level"] = "Z"
    paragraph["colour"] = "red"
    doc["blocks"][0]["type"] = "banana"
    found = sorted((error.json_path, error.validator) for error in _validator().iter_errors(doc))
    position = _index(seed, model.Paragraph)
    assert found == [
        ("$.blocks[0].type", "enum"),
        (f"$.blocks[{position}]", "additionalProperties"),
        (f"$.blocks[{position}].marking", "anyOf"),  # the portion, or null
    ]


# ----------------------------------------------------------------- bad JSON


def _problems(seed_doc: Document, change: Callable[[Document], object]) -> tuple[str, ...]:
    doc = copy.deepcopy(seed_doc)
    change(doc)
    with pytest.raises(CableJSONError) as caught:
        cablemodel.from_dict(doc)
    return caught.value.problems


def _json_problems(text: str | bytes) -> tuple[str, ...]:
    with pytest.raises(CableJSONError) as caught:
        cablemodel.from_json(text)
    return caught.value.problems


@pytest.fixture(scope="module")
def index(seed: model.Cable) -> dict[str, int]:
    """Where the seed's first banner, E.O. line and paragraph stand in ``blocks``."""
    return {
        "banner": _index(seed, model.Banner),
        "eo": _index(seed, model.EoLine),
        "paragraph": _index(seed, model.Paragraph),
    }


@pytest.fixture(scope="module")
def at(index: dict[str, int]) -> dict[str, str]:
    """The JSON paths of those blocks."""
    return {kind: f"$.blocks[{position}]" for kind, position in index.items()}


def test_syntax_error_names_line_and_column() -> None:
    assert _json_problems('{"schema_version": 1,\n  "publisher": }') == (
        "$: invalid JSON at line 2, column 16: Expecting value",
    )


def test_bytes_that_are_not_utf8() -> None:
    assert _json_problems(b'{"a": "\xff"}') == ("$: the bytes are not UTF-8 (invalid start byte)",)


def test_top_level_must_be_an_object() -> None:
    assert _json_problems("[1, 2]") == ("$: expected an object, got an array",)
    assert _json_problems('"cable"') == ("$: expected an object, got 'cable'",)


def test_schema_version_is_required_and_checked(seed_doc: Document) -> None:
    assert _problems(seed_doc, lambda doc: doc.pop("schema_version")) == (
        "$.schema_version: missing required key",
    )
    # A document of another version is not read any further.
    assert _problems(seed_doc, lambda doc: doc.update(schema_version=2, publisher=None)) == (
        "$.schema_version: 2 is not a supported schema version (expected 1)",
    )
    assert _problems(seed_doc, lambda doc: doc.update(schema_version=True)) == (
        "$.schema_version: true is not a supported schema version (expected 1)",
    )


def test_wrong_types(seed_doc: Document, at: dict[str, str], index: dict[str, int]) -> None:
    def change(doc: Document) -> None:
        doc["publisher"]["origin"] = 42
        doc["publisher"]["navigation"] = 1
        banner = doc["blocks"][index["banner"]]
        banner["serial"] = "3759"
        banner["serial_digits"] = True
        banner["spelling"] = ["C"]
        doc["lead"] = {}

    assert _problems(seed_doc, change) == (
        "$.publisher.origin: expected a string, got 42",
        "$.publisher.navigation: expected true or false, got 1",
        f"{at['banner']}.spelling: expected a string or null, got an array",
        f"{at['banner']}.serial: expected an integer or null, got '3759'",
        f"{at['banner']}.serial_digits: expected an integer, got true",
        "$.lead: expected an array, got an object",
    )


def test_null_where_a_value_is_required(
    seed_doc: Document, at: dict[str, str], index: dict[str, int]
) -> None:
    def change(doc: Document) -> None:
        doc["blocks"][index["paragraph"]]["number"] = None
        doc["blocks"][index["paragraph"]]["marking"] = 3

    assert _problems(seed_doc, change) == (
        f"{at['paragraph']}.number: expected an integer, got null",
        f"{at['paragraph']}.marking: expected an object or null, got 3",
    )


def test_missing_key(seed_doc: Document) -> None:
    assert _problems(seed_doc, lambda doc: doc["publisher"].pop("origin")) == (
        "$.publisher.origin: missing required key",
    )


def test_unknown_keys_are_rejected(
    seed_doc: Document, at: dict[str, str], index: dict[str, int]
) -> None:
    def change(doc: Document) -> None:
        doc["publisher"]["colour"] = "red"
        doc["publisher"]["a key"] = 1
        doc["blocks"][index["eo"]]["instruction"]["extra"] = None
        doc["extra"] = []

    assert _problems(seed_doc, change) == (
        '$.publisher["a key"]: unknown key',
        "$.publisher.colour: unknown key",
        f"{at['eo']}.instruction.extra: unknown key",
        "$.extra: unknown key",
    )


def test_bad_enum_value(seed_doc: Document, at: dict[str, str], index: dict[str, int]) -> None:
    def change(doc: Document) -> None:
        doc["blocks"][index["paragraph"]]["marking"]["level"] = "Z"
        doc["publisher"]["classification"]["level"] = "SECRETISH"

    assert _problems(seed_doc, change) == (
        "$.publisher.classification.level: 'SECRETISH' is not a level",
        f"{at['paragraph']}.marking.level: 'Z' is not a portion level",
    )


def test_invalid_dates(seed_doc: Document, at: dict[str, str], index: dict[str, int]) -> None:
    instruction = f"{at['eo']}.instruction"
    cases = {
        "2016-02-30": f"{instruction}.date: '2016-02-30' is not a valid date "
        "(day is out of range for month)",
        "06/30/2016": f"{instruction}.date: '06/30/2016' is not an ISO 8601 date (YYYY-MM-DD)",
        "2016-06-30\n": f"{instruction}.date: '2016-06-30\\n' is not an ISO 8601 date (YYYY-MM-DD)",
    }
    for value, message in cases.items():
        doc = copy.deepcopy(seed_doc)
        doc["blocks"][index["eo"]]["instruction"]["date"] = value
        with pytest.raises(CableJSONError) as caught:
            cablemodel.from_dict(doc)
        assert caught.value.problems == (message,)


def test_invalid_datetimes(seed_doc: Document) -> None:
    assert _problems(
        seed_doc, lambda doc: doc["publisher"].update(created="2005-05-31", released=5)
    ) == (
        "$.publisher.created: '2005-05-31' is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)",
        "$.publisher.released: expected a date-time string or null, got 5",
    )
    assert _problems(
        seed_doc, lambda doc: doc["publisher"].update(created="2005-05-31T25:15:00")
    ) == (
        "$.publisher.created: '2005-05-31T25:15:00' is not a valid date-time "
        "(hour must be in 0..23)",
    )


def test_bad_union_tags(seed_doc: Document, at: dict[str, str], index: dict[str, int]) -> None:
    def change(doc: Document) -> None:
        doc["blocks"][0]["type"] = "prose"
        doc["blocks"][index["banner"]].pop("type")
        doc["blocks"][index["eo"]]["instruction"]["type"] = "banana"
        doc["blocks"][index["paragraph"]]["parts"][0]["type"] = 7

    assert _problems(seed_doc, change) == (
        "$.blocks[0].type: 'prose' is not a block type",
        f"{at['banner']}.type: missing required key",
        f"{at['eo']}.instruction.type: 'banana' is not an instruction type",
        f"{at['paragraph']}.parts[0].type: 7 is not a text piece type",
    )


def test_union_member_that_is_not_an_object(seed_doc: Document) -> None:
    assert _problems(seed_doc, lambda doc: doc["blocks"].insert(1, "WOLFF")) == (
        "$.blocks[1]: expected an object, got 'WOLFF'",
    )


def test_fixed_length_array(seed_doc: Document, at: dict[str, str], index: dict[str, int]) -> None:
    def change(doc: Document) -> None:
        doc["blocks"][index["banner"]]["section"]["leads"] = [" "]

    assert _problems(seed_doc, change) == (
        f"{at['banner']}.section.leads: expected an array of 4 items, got 1",
    )


def test_object_expected(seed_doc: Document) -> None:
    assert _problems(seed_doc, lambda doc: doc.update(publisher="PARIS")) == (
        "$.publisher: expected an object, got 'PARIS'",
    )


def test_error_lists_every_problem_and_hides_the_cattrs_tree(seed_doc: Document) -> None:
    doc = copy.deepcopy(seed_doc)
    doc["publisher"]["origin"] = None
    doc["blocks"][-1]["name"] = 5
    with pytest.raises(CableJSONError) as caught:
        cablemodel.from_dict(doc)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.__suppress_context__ or error.__context__ is None
    assert error.__cause__ is None
    assert str(error) == (
        "2 problems in the cable JSON:\n"
        "  $.publisher.origin: expected a string, got null\n"
        f"  $.blocks[{len(doc['blocks']) - 1}].name: expected a string, got 5"
    )


def test_long_strings_are_shortened_in_messages(seed_doc: Document) -> None:
    assert _problems(
        seed_doc, lambda doc: doc["publisher"]["classification"].update(level="X" * 60)
    ) == ("$.publisher.classification.level: '" + "X" * 37 + "...' is not a level",)


# ----------------------------------------------------------------- docs


def _documented_keys(markdown: str) -> dict[str, list[str]]:
    """``### Name`` headings of docs/json.md and the keys of the table under each."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("### "):
            current = sections.setdefault(line[4:].split(" (")[0], [])
        elif line.startswith("| `"):
            current.append(line.split("`")[1])
    return sections


def test_docs_describe_every_object_and_key() -> None:
    """Fails when docs/json.md misses a class, union, enum or key of the schema."""
    docs = (ROOT / "docs/json.md").read_text(encoding="utf-8")
    reference = _documented_keys(docs[docs.index("## Reference") :])
    schema = cablemodel.json_schema()
    assert reference.pop("Cable") == list(schema["properties"])
    assert set(reference) == set(schema["$defs"])
    for name, definition in schema["$defs"].items():
        if "additionalProperties" in definition:  # a class: its keys, in order
            assert reference[name] == list(definition["properties"]), name
        elif "enum" in definition:
            section = docs[docs.index(f"### {name}\n") :].split("\n### ")[0]
            assert all(json.dumps(value) in section for value in definition["enum"]), name
        else:  # a union: its tags
            section = docs[docs.index(f"### {name}\n") :].split("\n### ")[0]
            tags = definition["properties"]["type"]["enum"]
            assert section.split("\n")[2] == ", ".join(f"`{tag}`" for tag in tags), name


# ------------------------------------------------------------------ orjson, when installed


@contextlib.contextmanager
def _without_orjson() -> Iterator[None]:
    """The standard library's json only, as where the extra is not installed."""
    saved = serialize._orjson
    serialize._orjson = None
    try:
        yield
    finally:
        serialize._orjson = saved


def test_orjson_is_installed_for_the_tests() -> None:
    # the dev dependencies include it, so both ways are tested
    assert serialize._orjson is not None


@pytest.mark.parametrize("indent", [None, 2, 4])
def test_the_json_text_is_the_same_with_or_without_orjson(indent: int | None) -> None:
    for path in sorted(DATA.glob("*.txt")):
        cable = cablemodel.parse(read_text(path))
        fast = cablemodel.to_json(cable, indent=indent)
        with _without_orjson():
            slow = cablemodel.to_json(cable, indent=indent)

        assert fast == slow
        assert cablemodel.from_json(fast) == cablemodel.from_json(fast.encode())
        assert cablemodel.to_dict(cablemodel.from_json(fast)) == json.loads(slow)


def test_what_orjson_cannot_write_is_written_by_json(seed: model.Cable) -> None:
    # a lone surrogate (possible in a str, never in decoded UTF-8) and an int past 64 bits
    # (in a span: a position, which no range limits)
    publisher = seed.publisher
    span = model.Span(2**70, 1, 2**70, 12)
    reference_id = evolve(publisher.reference_id, span=span)
    odd = evolve(seed, publisher=evolve(publisher, reference_id=reference_id, title="\ud800"))
    fast = cablemodel.to_json(odd)
    with _without_orjson():
        slow = cablemodel.to_json(odd)

    assert fast == slow
    assert '"line":1180591620717411303424' in fast
    # orjson would read the line as a float: json reads the document instead
    back = cablemodel.from_json(fast)
    assert back == odd
    assert back.publisher.reference_id.span == span


@pytest.mark.parametrize(
    "document",
    [
        b'{"a": "\xff"}',  # not UTF-8
        '{"schema_version": 1, "x": 12345678901234567890123}',  # past 64 bits
        '{"schema_version": -9223372036854775809}',  # 19 digits, past 64 bits
        '{"schema_version": NaN}',
        '{"schema_version": 1e400}',
        '["\\ud800"]',
        "\ufeff{}",
        '{"a": [1, 2,]}',
        "[" * 5000 + "]" * 5000,
        '{"schema_version": 1, "schema_version": "1"}',
    ],
)
def test_documents_read_the_same_with_or_without_orjson(document: str | bytes) -> None:
    def outcome() -> object:
        try:
            return cablemodel.from_json(document)
        except CableJSONError as error:
            return error.problems

    fast = outcome()
    with _without_orjson():
        slow = outcome()

    assert fast == slow
