"""Shared fixtures. Tests never open a real window or sound device."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

from game.content import loader  # noqa: E402


@pytest.fixture(scope="session")
def content():
    return loader.load()
