"""Shared fixtures: the data folder, the cascade command (for CLI equality), small graphs."""

import os
import pathlib

import pytest

import cascade

REPO = pathlib.Path(__file__).resolve().parents[2]


def module_env():
    """The environment for a child Python that must import this very build of the module."""
    return dict(os.environ, PYTHONPATH=str(pathlib.Path(cascade.__file__).resolve().parents[1]))


@pytest.fixture(scope="session")
def data_dir():
    folder = pathlib.Path(os.environ.get("CASCADE_DATA_DIR", REPO.parent / "shared" / "data"))
    assert folder.is_dir(), f"no data folder at {folder} (set CASCADE_DATA_DIR)"
    return folder


@pytest.fixture(scope="session")
def email_path(data_dir):
    return data_dir / "email-Eu-core.txt"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("CASCADE_CLI")
    assert path and os.access(path, os.X_OK), "set CASCADE_CLI to the cascade binary (ctest does)"
    return path
