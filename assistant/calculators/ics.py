"""Export computed dates as an iCalendar file (all-day events)."""
from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from .base import Calculation


def to_ics(calc: Calculation) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//UB-Lotse//DE")
    cal.add("version", "2.0")
    for label, day in calc.dates:
        ev = Event()
        ev.add("summary", label)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("description", f"{calc.title}\n{calc.result}\n\n{calc.explanation}")
        ev.add("uid", hashlib.sha1(f"{calc.name}{label}{day}".encode()).hexdigest() + "@ub-lotse")
        ev.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
        cal.add_component(ev)
    return cal.to_ical()
