"""A normal install holds every package and the resources (CI also installs the built wheel
into a fresh virtual environment and runs scripts/smoke_installed.py with it)."""

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    data = {"aijournal.resources", "aijournal.resources.icons"}  # resources/, mapped
    found = set(find_packages(str(ROOT), include=["aijournal*"])) | data
    assert set(config["packages"]) == found
    assert config["package-dir"] == {"aijournal.resources": "resources"}


def test_every_resource_file_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = config["package-data"]
    data = [
        p
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    ]
    assert data
    for path in data:
        relative = path.relative_to(ROOT / "resources")
        package = ".".join(["aijournal", "resources", *relative.parts[:-1]])
        assert any(Path(relative.name).match(p) for p in packages.get(package, [])), relative
