"""Space Race: a turn-based strategy game of the American-Soviet space race."""

__version__ = "0.1.0"
