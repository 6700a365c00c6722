"""The vocabularies the facts read: read once, on first use or all at once."""

from __future__ import annotations

from cablemodel import vocab


def test_release_ids_are_the_releases() -> None:
    ids = vocab.release_ids()
    assert len(ids) == 251_287
    assert "05PARIS3759" in ids
    assert "05PARIS99999" not in ids


def test_load_all_reads_every_vocabulary_once() -> None:
    loaders = [
        vocab.geo_tags, vocab.subject_tags, vocab.program_tags, vocab.organization_tags,
        vocab.tag_fixes, vocab.origins, vocab.origin_names, vocab.malformed_ids,
        vocab.release_ids, vocab.classifier_words, vocab.reference_kinds,
        vocab._aliases, vocab._routing,
    ]
    for loader in loaders:
        loader.cache_clear()
    vocab.load_all()
    assert [loader.cache_info().currsize for loader in loaders] == [1] * len(loaders)
    before = [loader.cache_info().misses for loader in loaders]
    vocab.load_all()  # again: nothing is read twice
    assert [loader.cache_info().misses for loader in loaders] == before
