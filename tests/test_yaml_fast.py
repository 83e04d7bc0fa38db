"""libyaml reads YAML in the reader's fast path; it must give exactly what the Python
loader gives (data and line of every field) or step aside, so every error still comes
from the Python loader with its explained Vietnamese message and its line."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congvan import limits, reader
from congvan.errors import InputError
from tests.conftest import ROOT
from tests.test_fuzz import TOKENS

pytestmark = pytest.mark.skipif(reader._CLoader is None, reason="PyYAML built without libyaml")

TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.yaml"))]


def outcome(parse, text: str):
    try:
        return parse(text, "tep.yaml")
    except InputError as exc:
        return str(exc)


def test_every_example_reads_the_same_both_ways():
    assert len(TEXTS) >= 15
    for text in TEXTS:
        assert reader._fast_node(text) is not None  # the fast path is really taken
        assert outcome(reader._parse_yaml, text) == outcome(reader._parse_yaml_python, text)


def test_the_fast_path_is_libyamls():
    # The C composer is the one used, shown by its loader's type.
    loader, _ = reader._fast_node(TEXTS[0])
    assert isinstance(loader, yaml.CSafeLoader)


@pytest.mark.parametrize("text", [
    "trich_yeu: [\n",                      # a syntax error: the Python loader's message
    "a: 1\na: 2\n",                         # a duplicate key found by the walk
    "x: !!binary AAcI\n",                   # a refused tag
    "a: &a [*a]\n",                         # an alias to itself
    "chuông: \x07\n",                       # a control character
    "a: " + "[" * 200 + "]" * 200 + "\n",  # deeper than the limit: libyaml never composes it
    # Where the fuzzing below found the two parsers to differ:
    "luu: [VT, V\tP]\n",                    # a tab in a flow sequence (libyaml takes it)
    "a: [SỞ, VÀ TRUYỀ? N]\n",               # "? " in a flow sequence
    "noi_dung: >-# ghi chú\n  x\n",         # a comment glued to a block scalar's header
    "a: b\x85c: d\n",                      # NEL, a line break for one parser only
    "a: b\n\ufeffc: d\n",                  # a byte-order mark inside the text
    "a: !\n",                              # the bare tag "!"
    "--- \n",                              # no mapping at all
    "!!timestamp 2021-02-30: x\n",         # a typed key (was an AttributeError)
    "!!python/name:os.system: x\n",        # a refused tag on a key
])
def test_problems_are_the_python_loaders(text):
    assert outcome(reader._parse_yaml, text) == outcome(reader._parse_yaml_python, text)


def test_a_typed_key_is_text_and_a_refused_one_named():
    data, _ = reader._parse_yaml("!!timestamp 2021-02-30: x\n", "k.yaml")
    assert data == {"2021-02-30": "x"}
    with pytest.raises(InputError, match="dòng 1, trường 'AAcI': thẻ YAML '!!binary' không được dùng"):
        reader._parse_yaml("!!binary AAcI: x\n", "k.yaml")


def test_deep_nesting_is_refused_before_libyaml_composes_it():
    text = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    assert reader._fast_node(text) is None  # the event scan stops at the limit
    with pytest.raises(InputError, match="lồng nhau quá sâu"):
        reader._parse_yaml(text, "sau.yaml")
    assert limits.current().depth < 100_000


def mutations(seed: int, text: str) -> str:
    rng = random.Random(seed)
    pieces = text.splitlines(keepends=True) or [""]
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(pieces))
        choice = rng.random()
        if choice < 0.4:
            pieces.insert(at, rng.choice(TOKENS))
        elif choice < 0.7:
            line = pieces[at]
            cut = rng.randrange(len(line) + 1)
            pieces[at] = line[:cut] + rng.choice(TOKENS) + line[cut:]
        else:
            del pieces[at]
            if not pieces:
                pieces = [""]
    return "".join(pieces)


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.sampled_from(range(len(TEXTS))))
def test_mutated_examples_read_the_same_both_ways(seed, which):
    text = mutations(seed, TEXTS[which])
    assert outcome(reader._parse_yaml, text) == outcome(reader._parse_yaml_python, text)


@settings(max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS + ["a", "b: ", "  ", "- x", "'x'", "1", "2021-03-05", "\"\\u00e9\""]), max_size=30))
def test_token_soup_reads_the_same_both_ways(tokens):
    text = "".join(tokens)
    assert outcome(reader._parse_yaml, text) == outcome(reader._parse_yaml_python, text)
