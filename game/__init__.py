"""Space Race: a turn-based strategy game of the American-Soviet space race."""


def _version() -> str:
    """The one version number is pyproject.toml's, read from the installed metadata; a
    checkout run without installing reads pyproject.toml itself."""
    from importlib import metadata

    try:
        return metadata.version("spacerace")
    except metadata.PackageNotFoundError:
        import tomllib
        from pathlib import Path

        try:
            with open(Path(__file__).resolve().parent.parent / "pyproject.toml", "rb") as handle:
                return tomllib.load(handle)["project"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "0+unknown"


__version__ = _version()
