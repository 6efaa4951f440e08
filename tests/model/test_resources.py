"""The data files under resources/, read the same way from a checkout and an install."""

import json

import pytest

from aijournal.model.resources import PACKAGE, read_text, resource


def test_resources_are_found_by_name():
    assert PACKAGE == "aijournal.resources"
    for parts in (("instruments.json",), ("summary.schema.json",), ("icons", "aijournal.svg")):
        found = resource(*parts)
        assert found.is_file(), parts
        assert found.name == parts[-1]


def test_read_text_gives_the_file_as_text():
    instruments = json.loads(read_text("instruments.json"))
    assert instruments  # the instrument wording is there and is JSON
    schema = json.loads(read_text("summary.schema.json"))
    assert "$schema" in schema or "type" in schema
    assert read_text("icons", "aijournal.svg").lstrip().startswith(("<svg", "<?xml"))


def test_a_missing_resource_is_an_error():
    assert not resource("no-such-file.json").is_file()
    with pytest.raises(FileNotFoundError):
        read_text("no-such-file.json")
