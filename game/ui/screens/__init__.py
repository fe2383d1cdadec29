"""The screens. ``screen_for`` maps the navigation names (H R M C I T) to their classes."""

from __future__ import annotations


def screen_for(name: str):
    from game.ui.screens.chronicle import ChronicleScreen
    from game.ui.screens.crews import CrewsScreen
    from game.ui.screens.hq import HeadquartersScreen
    from game.ui.screens.intel import IntelScreen
    from game.ui.screens.missions import MissionPlannerScreen
    from game.ui.screens.research import ResearchScreen

    return {"hq": HeadquartersScreen, "research": ResearchScreen, "missions": MissionPlannerScreen,
            "crews": CrewsScreen, "intel": IntelScreen, "chronicle": ChronicleScreen}[name]
