"""Hostile inputs derived from the grammar itself: for every terminal of grammar/cable.lark,
lines made of its own prefixes and near-misses, put where the parser tries that terminal.

Used by tests/parser/test_scaling.py (a quick check that fails on super-linear growth)
and by benchmarks/bench_terminals.py (time per MB from 10 KB to 10 MB).

* ``samples(terminal)`` draws strings from the terminal's regular expression (walking
  its parsed form: a branch, a repeat count, a character of a set at random from a fixed
  seed), with and without the text its lookaheads ask for.
* ``units(terminal)`` turns them into the pieces a hostile line repeats: a sample, its
  prefixes, the sample cut short or with its last character changed, the sample with a
  blank before or after it, and the single characters the pattern allows.
* ``contexts()`` are the places a line can stand: each line of the publisher block, the
  start of a line in the header area, after the head of every structured line (a sample
  of each terminal that starts a line, with what its lookahead asks for), a continuation
  line after such a head, a paragraph's first line and the lines after it. Each context
  records which terminals the parser accepts there (Lark's interactive parser), so a
  terminal's lines are put only where the parser tries it.
* ``shape_text(shape, size)`` is the whole cable text of a shape at a size.
"""

from __future__ import annotations

import contextlib
import functools
import random
import re
import sys
import time
from collections.abc import Iterator
from typing import Any

from attrs import frozen
from lark import Lark
from lark.exceptions import LarkError

from cablemodel import CableSyntaxError
from cablemodel._parser import parse_text
from cablemodel._parser.build import build_parser

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

# A publisher block that parses: the text above every context of the telegram.
PUBLISHER = (
    "Identifier\nCreated\nReleased\nClassification\nOrigin\n"
    "05PARIS3759\n2005-05-31 15:15\n2011-08-30 01:44\nCONFIDENTIAL//NOFORN\nEmbassy Paris\n"
    "Cable title:\xa0\xa0\n\nMISSILE TECHNOLOGY\n\nTags:\xa0\xa0FR\xa0PARM\xa0\n"
    "pdf\xa0how-to read a cable\n"
)
# The endings a hostile line is tried with: the line as it is, and with a letter that
# no terminal's lookahead wants at the end (the "x" after 20,000 blanks).
ENDINGS = ("", "x")
# Characters drawn for a negated set ([^\n], [^ \n/]) and for "any character".
_POOL = "xA0 \t\\/.-:(),'#\xa0"
_SAMPLES_PER_TERMINAL = 6
_MAX_REPEAT_DRAWN = 3
_LONGEST_UNIT = 24  # a longer sample gives its prefix (PLAD's 127 chunks, say)


@functools.lru_cache(maxsize=1)
def grammar_parser() -> Lark:
    return build_parser()


@functools.lru_cache(maxsize=1)
def terminals() -> dict[str, re.Pattern[str]]:
    """Every terminal of the grammar, compiled as the lexer compiles it."""
    found: dict[str, re.Pattern[str]] = {}
    for terminal in grammar_parser().terminals:
        flags = 0
        for flag in terminal.pattern.flags:
            flags |= getattr(re, flag.upper())
        found[terminal.name] = re.compile(terminal.pattern.to_regexp(), flags)
    return found


def starts_a_line(name: str) -> bool:
    """Whether the terminal matches only at the start of a line."""
    return terminals()[name].pattern.replace("\n", "\\n").startswith("(?<![^\\n])")


# ------------------------------------------------------------------ samples


class _Drawer:
    """Strings drawn from a parsed regular expression."""

    def __init__(self, seed: int, lookaheads: bool) -> None:
        self.random = random.Random(seed)
        self.lookaheads = lookaheads

    def draw(self, parsed: Any) -> str:
        return "".join(self.node(op, av) for op, av in parsed)

    def node(self, op: Any, av: Any) -> str:
        c = sre_constants
        if op is c.LITERAL:
            return chr(av)
        if op is c.NOT_LITERAL:
            return self.random.choice([ch for ch in _POOL if ord(ch) != av])
        if op is c.ANY:
            return self.random.choice(_POOL)
        if op is c.IN:
            return self.character(av)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            low, high, inner = av
            count = self.random.randint(low, max(low, min(high, low + _MAX_REPEAT_DRAWN)))
            return "".join(self.draw(inner) for _ in range(count))
        if op is c.SUBPATTERN:
            return self.draw(av[-1])
        if op is getattr(c, "ATOMIC_GROUP", None):
            return self.draw(av)
        if op is c.BRANCH:
            return self.draw(self.random.choice(av[1]))
        if op is c.ASSERT:
            direction, inner = av
            return self.draw(inner) if self.lookaheads and direction == 1 else ""
        if op is c.CATEGORY:
            return {c.CATEGORY_DIGIT: "0", c.CATEGORY_SPACE: " "}.get(av, "x")
        return ""  # AT (anchors), ASSERT_NOT, GROUPREF: they add no character

    def character(self, items: list[tuple[Any, Any]]) -> str:
        c = sre_constants
        negated = bool(items) and items[0][0] is c.NEGATE
        members: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                members.append(chr(av))
            elif op is c.RANGE:
                low, high = av
                members.extend({chr(low), chr(high), chr((low + high) // 2)})
            elif op is c.CATEGORY:
                members.append({c.CATEGORY_DIGIT: "0", c.CATEGORY_SPACE: " "}.get(av, "x"))
        if negated:
            return self.random.choice([ch for ch in _POOL if ch not in members] or ["x"])
        return self.random.choice(members or ["x"])


@functools.cache
def samples(name: str, lookaheads: bool = False) -> tuple[str, ...]:
    """Strings drawn from the terminal's pattern (seeded by its name: the same every run)."""
    parsed = sre_parse.parse(terminals()[name].pattern)
    found: dict[str, None] = {}
    for index in range(_SAMPLES_PER_TERMINAL):
        drawn = _Drawer(hash_of(name) + index, lookaheads).draw(parsed)
        if drawn and "\n" not in drawn[:-1]:
            found[drawn] = None
    return tuple(found)


def hash_of(text: str) -> int:
    """A hash that is the same in every process (str hashes are salted)."""
    value = 0
    for ch in text:
        value = (value * 131 + ord(ch)) % 2**31
    return value


@functools.cache
def units(name: str) -> tuple[str, ...]:
    """The pieces a hostile line repeats, made from the terminal's own samples."""
    found: dict[str, None] = {}
    for sample in samples(name):
        sample = sample.rstrip("\n")[:_LONGEST_UNIT]
        if not sample:
            continue
        for piece in (
            sample,
            sample[: max(1, len(sample) // 2)],  # a prefix
            sample[:-1],  # cut short
            sample[:-1] + "x",  # the last character changed
            sample[:-1] + "\\",
            sample + " ",
            " " + sample,
        ):
            if piece:
                found[piece] = None
        for ch in sample:  # the characters the pattern allows, one at a time
            found[ch] = None
    return tuple(found)


# ------------------------------------------------------------------ contexts


@frozen
class Context:
    """Where a hostile line stands: the text before it, the head that starts it, the text
    after it; ``accepts`` are the terminals the parser accepts right after the head."""


    name: str
    before: str
    head: str
    probe: str  # what the head's lookahead asks for; a shape may start with it
    after: str
    accepts: frozenset[str]


def _state_after(before: str, head: str, probe: str, after: str) -> Any:
    """The parser state in which the lexer reads what follows ``before + head`` (the text
    is lexed with ``probe`` after the head: what the head's lookahead asks for); None when
    the text does not get that far."""
    end = len(before) + len(head)
    try:
        interactive = grammar_parser().parse_interactive(before + head + probe + "\n" + after)
        for token in interactive.iter_parse():  # it feeds each token after yielding it
            start = token.start_pos or 0
            if start >= end:
                return interactive.parser_state if start == end else None
    except LarkError:
        return None
    return None


def _publisher_contexts() -> Iterator[tuple[str, str, str, str, str]]:
    """Each line of the publisher block, replaced by the hostile line (its own text is
    the probe that lets the parser reach it)."""
    lines = PUBLISHER.split("\n")[:-1]
    for index, line in enumerate(lines):
        before = "".join(line + "\n" for line in lines[:index])
        after = "".join(line + "\n" for line in lines[index + 1 :])
        yield f"publisher line {index + 1}", before, "", line, after


def _next_pieces(name: str, probe: str) -> Iterator[tuple[str, str]]:
    """Texts of the terminal to put after a head, each with the probe to lex it with: what
    the terminal matches of the current probe, and its own samples (cut where the match
    ends; the lookahead's text after the cut is the new probe)."""
    pattern = terminals()[name]
    if name == "NL":
        yield "\n", ""
        return
    match = pattern.match(probe + "\n")  # the line end some lookaheads ask for
    if match and 0 < match.end() <= len(probe):
        yield probe[: match.end()], probe[match.end() :]
    for sample in samples(name, lookaheads=True)[:2]:
        match = pattern.match(sample)
        end = match.end() if match else len(sample)
        if end > 0 and "\n" not in sample[:end]:
            yield sample[:end], sample[end:].rstrip("\n")


_DEPTH = 4  # tokens after the start of a line that the contexts walk through


@functools.lru_cache(maxsize=1)
def contexts() -> tuple[Context, ...]:
    """Every place a hostile line can stand, one per parser state the lexer reads it in.

    The places: each line of the publisher block; a line of the header area (in front
    of another line, or the last line); a line after a paragraph. From each, the head
    grows by a sample of each terminal the parser accepts there, up to ``_DEPTH``
    terminals, so that every terminal that can follow on a line is reached.
    """
    paragraph = "1. x\n"
    prose = "x\n"  # a line after the hostile one, so that it is not read as a signature
    frontier = list(_publisher_contexts())
    frontier += [
        ("header line", PUBLISHER, "", "", prose),
        ("last line", PUBLISHER, "", "", ""),
        ("paragraph line", PUBLISHER + paragraph, "", "", prose),
        ("last paragraph line", PUBLISHER + paragraph, "", "", ""),
        # a REF block's line after blank lines (REF_ITEM_START starts it)
        ("REF line after a blank line", PUBLISHER + "REF: A. STATE 1\n\n", "", "B. STATE 2", prose),
    ]
    found: dict[int, Context] = {}
    walked: set[tuple[int, ...]] = set()
    for _ in range(_DEPTH + 1):
        grown: list[tuple[str, str, str, str, str]] = []
        for name, before, head, probe, after in frontier:
            state = _state_after(before, head, probe, after)
            # the same stack of states: the same place, whatever the text that led there
            if state is None or tuple(state.state_stack) in walked:
                continue
            walked.add(tuple(state.state_stack))
            table = state.parse_conf.parse_table.states[state.position]
            accepts = frozenset(name for name in table if name in terminals())
            found.setdefault(state.position, Context(name, before, head, probe, after, accepts))
            for terminal in sorted(accepts):
                for piece, rest in _next_pieces(terminal, probe):
                    if piece == "\n" and not head.strip():
                        continue  # a line end after nothing: a place already walked
                    grown.append((f"{name} {terminal}", before, head + piece, rest, after))
        frontier = grown
    return tuple(found.values())


# ------------------------------------------------------------------ shapes


@frozen
class Shape:
    """A hostile line: ``unit`` repeated after the context's head, then ``ending``."""

    terminal: str
    context: Context
    lead: str  # "" or the context's probe: the start of a token the repeats continue
    unit: str
    ending: str

    def describe(self) -> str:
        head = self.context.head + self.lead
        return f"{self.context.name}: {head!r} + {self.unit!r} x N + {self.ending!r}"


def shapes(name: str) -> Iterator[Shape]:
    """Every hostile line of one terminal, in every context where the parser tries it."""
    for context in contexts():
        if name not in context.accepts:
            continue
        leads = ("", context.probe) if context.probe.strip() else ("",)
        for lead in leads:
            for unit in units(name):
                for ending in ENDINGS:
                    yield Shape(name, context, lead, unit, ending)


def terminals_without_context() -> list[str]:
    tried = set().union(*(context.accepts for context in contexts()))
    return sorted(name for name in terminals() if name not in tried)


def shape_text(shape: Shape, size: int) -> str:
    """The cable text of ``shape`` whose hostile line has about ``size`` characters."""
    context = shape.context
    return context.before + hostile_line(shape, size) + "\n" + context.after


# ------------------------------------------------------------------ measures


def hostile_line(shape: Shape, size: int) -> str:
    """The shape's line (without its line end) at about ``size`` characters."""
    head = shape.context.head + shape.lead
    count = max(1, (size - len(head) - len(shape.ending)) // len(shape.unit))
    return head + shape.unit * count + shape.ending


def attempt(shape: Shape, size: int, runs: int = 3) -> tuple[float, int]:
    """One try of the shape's terminal where the context's state tries it: the fastest
    time of ``runs`` and what is left of the line after the match (characters)."""
    line = "\n" + hostile_line(shape, size) + "\n"  # the line end before: for lookbehinds
    position = 1 + len(shape.context.head)
    pattern = terminals()[shape.terminal]
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        match = pattern.match(line, position)
        best = min(best, time.perf_counter() - started)
    end = match.end() if match else position
    return best, len(line) - end


def parse_seconds(text: str, runs: int = 3) -> float:
    """CPU seconds of the fastest of ``runs`` parses (a syntax error counts as a parse)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        with contextlib.suppress(CableSyntaxError):
            parse_text(text)
        best = min(best, time.process_time() - started)
    return best


# Lines that stalled the parser before their terminals were rewritten (issue #13): one
# hostile line each, with the blank, word or caption it repeats.
REGRESSIONS = [
    # terminal, head of the line, the piece repeated, the end of the line
    ("PLAD", "FM AMEMBASSY PARIS", " ", "x"),  # it looked over the blanks from each blank
    ("PLAD", "TO RUEHC/SECSTATE WASHDC", "\t", "x"),
    ("PLAD", "INFO RUEHFR/AMEMBASSY PARIS", "\\", "x"),
    ("PLAD", "XMT AMEMBASSY BERN", " \t\\", "x"),
    ("REF_ORIGIN", "REF: ", "ABC ", ""),  # it looked for a serial after every word
    ("REF_YEAR", "REF: 05 ", "STATE ", "x"),
    ("CAPTION", "", "SIPDIS ", "x"),  # every caption looked to the end of the line
    ("CAPTION", "", "SIPDIS ", ""),
]




def regression_shape(terminal: str, head: str, unit: str, ending: str) -> Shape:
    """One of REGRESSIONS as a shape: the line in the header area, a prose line after."""
    context = Context("regression", PUBLISHER, head, "", "x\n", frozenset())
    return Shape(terminal, context, "", unit, ending)


# ------------------------------------------------------------------ the scaling check

#: A try whose time grows by more than this from one size to four times it scans the line.
SCANS = 2.0
#: More than this is super-linear (linear is 4 from one size to four times it).
SUPER_LINEAR = 8.0


def _scans_far(shape: Shape, small: int, cache: dict[tuple[Any, ...], bool]) -> bool:
    """Whether one try of the terminal costs more as the line grows, beyond what it takes.

    A try at the start of a line may look over the line once (it is tried once per
    line); elsewhere a try that takes little must cost the same on a longer line, or
    the lexer, trying it again after each short token, would look over the line again
    and again. Any try must grow at most linearly with what it takes.
    """
    head = shape.context.head + shape.lead
    at_line_start = not head or head.endswith("\n")
    key = (shape.terminal, head.rpartition("\n")[2], shape.unit, shape.ending, at_line_start)
    if key not in cache:
        short, _ = attempt(shape, small, runs=1)
        long, left = attempt(shape, 4 * small, runs=1)
        growth = long / max(short, 1e-7)
        took_the_line = left < 2 * small
        cache[key] = growth > SUPER_LINEAR or (
            growth > SCANS and not took_the_line and not at_line_start
        )
    return cache[key]


def suspects(small: int = 500) -> list[Shape]:
    """The shapes of every terminal whose one try scans further on a longer line (each
    text once): the candidates for a parse that grows faster than the input."""
    cache: dict[tuple[Any, ...], bool] = {}
    found: dict[str, Shape] = {}
    for name in terminals():
        for shape in shapes(name):
            if _scans_far(shape, small, cache):
                found.setdefault(shape_text(shape, small), shape)
    return list(found.values())


def growth(shape: Shape, small: int, runs: int = 2) -> float:
    """Parse time at four times ``small`` over parse time at ``small`` (4 is linear)."""
    short = parse_seconds(shape_text(shape, small), runs)
    return parse_seconds(shape_text(shape, 4 * small), runs) / max(short, 1e-7)


def super_linear(
    candidates: list[Shape], small: int = 1000, enough: int = 10
) -> list[tuple[Shape, float]]:
    """The candidates whose parse grows faster than linearly, measured twice: a shape
    over the bound at ``small`` is measured again at four times the sizes. Stops after
    ``enough`` of them (each costs more than the last on a grammar that has them)."""
    found = []
    for shape in candidates:
        if growth(shape, small) > SUPER_LINEAR:
            again = growth(shape, 4 * small, runs=3)
            if again > SUPER_LINEAR:
                found.append((shape, again))
                if len(found) >= enough:
                    break
    return found


# ------------------------------------------------------------------ repeats of groups


def unbounded_group_repeats(name: str) -> list[str]:
    """The repeats without an upper bound over more than one character in the
    terminal's pattern, as text (``(?:[ \\t]*\\n)+``).

    Python's regular expression engine keeps a record of every turn of such a repeat
    while it matches (to go back to it): about 100 bytes, more inside Lark's lexer, whose
    pattern has a group per terminal. On a long line that is gigabytes. A repeat of one
    character (``[^\\n]*``) keeps none.
    """
    found: list[str] = []
    c = sre_constants

    def walk(parsed: Any) -> None:
        for op, av in parsed:
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                _, high, inner = av
                single = len(inner) == 1 and inner[0][0] in (
                    c.LITERAL,
                    c.NOT_LITERAL,
                    c.ANY,
                    c.IN,
                    c.CATEGORY,
                )
                if high == c.MAXREPEAT and not single:
                    found.append(_unparse(inner))
                walk(inner)
            elif op is c.SUBPATTERN:
                walk(av[-1])
            elif op is c.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1])

    walk(sre_parse.parse(terminals()[name].pattern))
    return found


def _unparse(parsed: Any) -> str:
    """Enough of a parsed pattern to name it in a message."""
    return repr(parsed)[:120]
