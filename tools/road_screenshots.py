"""Screenshots of the roads to the Moon: each side's roads on the research screen, the
decision card (the mode decision of 1962) and the planner with a mission of two launches.

    python tools/road_screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(out: Path) -> None:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    import pygame

    from game.ai import make_agent
    from game.core import dates
    from game.ui.app import App
    from game.ui.screens.event import EventScreen
    from game.ui.session import Session
    from game.ui.storage import Storage

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        app = App(Storage(Path(home)), (1280, 720), fullscreen=False)
        app.settings.guide = False

        def shot(name: str) -> None:
            app.toasts.clear()
            app.focus = None
            app.last_input -= 10
            app.frame()
            pygame.image.save(app.window, str(out / name))
            print(out / name)

        for side in ("usa", "ussr"):
            # a Moon-era game a year in, played by the computer: history's road is held, the
            # others may be taken at their price
            session = Session.new(app.content, "moon", side, "ai", "normal", 4)
            app.start_session(session, fresh=False)
            helper = make_agent("ai:normal")
            for _ in range(4):
                helper.plan(session.game, side)
                session.game.state.sides[side].pending_events.clear()
                app.end_turn()
                for _ in range(30):
                    app.frame(0.5)
                    top = app.top
                    if hasattr(top, "main_action") and top is not None and type(top).__name__ in (
                            "LaunchScreen", "ReportScreen"):
                        while getattr(top, "animating", False):
                            app.frame(0.5)
                        top.main_action()
                    else:
                        break
            app.back_to_hq()
            app.navigate("research")
            shot(f"roads_{side}.png")

        # the decision: the mode decision card of 1962, in a campaign
        session = Session.new(app.content, "campaign", "usa", "ai", "normal", 4)
        app.start_session(session, fresh=False)
        game = session.game
        game.state.quarter = dates.parse_quarter("1962-Q2")
        game.state.sides["usa"].pending_events.append("lunar_orbit_rendezvous")
        app.back_to_hq()
        app.push(EventScreen(app, "lunar_orbit_rendezvous"))
        shot("road_decision.png")

        # the planner with Earth-orbit rendezvous: two Saturn V launches booked together
        session = Session.new(app.content, "moon", "usa", "ai", "normal", 4)
        app.start_session(session, fresh=False)
        game = session.game
        game.state.quarter = dates.parse_quarter("1968-Q2")
        usa = game.state.sides["usa"]
        usa.pending_events.clear()
        usa.road = "usa_eor"
        for prog in ("apollo_direct", "eor_tanker", "saturn5", "apollo_csm", "landing_gear", "docking_system"):
            state = game.open_programme(usa, prog)
            state.reliability, state.quarters, state.flights, state.successes = 88, 30, 3, 3
        usa.articles.update({"saturn5": 2, "apollo_direct": 1, "eor_tanker": 1})
        usa.pads["lc39b"] = 0
        game.state.sides["usa"].programmes["saturn5"].quarters = 30
        app.back_to_hq()
        app.navigate("missions")
        app.top._pick_mission("eor_landing")
        shot("roads_planner.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
