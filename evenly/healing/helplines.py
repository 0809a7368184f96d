"""Where to turn, by country, for someone who may be in a frightening or
controlling relationship. Pure data, no Django.

Every entry keeps beside it the page its details were checked against and the
date of that check, and says whether that page was the service's own. A test
fails if any entry lacks them. When a number or address changes, correct it
here, with the new source and date, and nowhere else.

How these were checked (2 December 2026): against stored copies of public web
pages, without live access to the services' sites. `own_page` is True only
where the number appeared on a page published by the service (or the charity
that runs it); entries with `own_page=False` still need a look at the
service's own site, and the README says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CHECKED = date(2026, 12, 2)


# Everything marked below, so the page translates exactly these and passes
# numbers through untouched.
MARKED: set[str] = set()


def gettext_noop(text: str) -> str:
    """Marks words for the translators (makemessages knows this name) without
    importing Django; they are translated where they are shown. A service's
    own name is marked too, so every word on the page goes through the
    catalogue, and its translation is the name exactly as written."""
    MARKED.add(text)
    return text


@dataclass(frozen=True)
class Line:
    name: str
    url: str
    phone: str = ""
    text: str = ""
    hours: str = ""
    source: str = ""
    checked: date | None = None
    own_page: bool = False


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency: str
    lines: tuple[Line, ...]


COUNTRIES: tuple[Country, ...] = (
    Country(
        code="GB",
        name=gettext_noop("United Kingdom"),
        emergency="999",
        lines=(
            Line(
                name=gettext_noop("National Domestic Abuse Helpline (run by Refuge)"),
                url="https://www.nationaldahelpline.org.uk/",
                phone="0808 2000 247",
                hours=gettext_noop("Free, 24 hours"),
                source="https://www.refuge.org.uk/category/news/",
                checked=CHECKED,
                own_page=True,
            ),
        ),
    ),
    Country(
        code="US",
        name=gettext_noop("United States"),
        emergency="911",
        lines=(
            Line(
                # Translators: the service's own name; keep it exactly as written.
                name=gettext_noop("National Domestic Violence Hotline"),
                url="https://www.thehotline.org/",
                phone="1-800-799-7233",
                text=gettext_noop("Text START to 88788"),
                hours=gettext_noop("24 hours"),
                source="https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts",
                checked=CHECKED,
                own_page=False,
            ),
        ),
    ),
    Country(
        code="CA",
        name=gettext_noop("Canada"),
        emergency="911",
        lines=(
            Line(
                name=gettext_noop(
                    "ShelterSafe (Women's Shelters Canada): shelters near you and their 24-hour crisis lines"
                ),
                url="https://sheltersafe.ca/",
                hours=gettext_noop("Shelter crisis lines are mostly open 24 hours"),
                source="https://sheltersafe.ca/about-shelters/",
                checked=CHECKED,
                own_page=True,
            ),
        ),
    ),
    Country(
        code="AU",
        name=gettext_noop("Australia"),
        emergency="000",
        lines=(
            Line(
                # Translators: the service's own name; keep it exactly as written.
                name=gettext_noop("1800RESPECT"),
                url="https://www.1800respect.org.au/",
                phone="1800 737 732",
                text=gettext_noop("Text 0458 737 732"),
                hours=gettext_noop("24 hours"),
                source="https://thedailyaus.com.au/stories/1800-respect-text-messaging/",
                checked=CHECKED,
                own_page=False,
            ),
        ),
    ),
    Country(
        code="IE",
        name=gettext_noop("Ireland"),
        emergency=gettext_noop("112 or 999"),
        lines=(
            Line(
                # Translators: the service's own name; keep it exactly as written.
                name=gettext_noop("Women's Aid 24hr National Freephone Helpline"),
                url="https://www.womensaid.ie/",
                phone="1800 341 900",
                hours=gettext_noop("Free, 24 hours"),
                source="https://www.womensaid.ie/about/newsevents/news/2016/09/05/media-release-41-calls-a-day-to-womens-aid-in-2016/",
                checked=CHECKED,
                own_page=True,
            ),
        ),
    ),
    Country(
        code="DE",
        name=gettext_noop("Deutschland (Germany)"),
        emergency=gettext_noop("110 (Polizei) or 112"),
        lines=(
            Line(
                # Translators: the service's own name; keep it exactly as written.
                name=gettext_noop("Hilfetelefon Gewalt gegen Frauen"),
                url="https://www.hilfetelefon.de/",
                phone="116 016",
                hours=gettext_noop("Kostenfrei, rund um die Uhr, in 18 Sprachen (free, 24 hours, in 18 languages)"),
                source="https://www.hilfetelefon.de/das-hilfetelefon/angebot-im-ueberblick.html",
                checked=CHECKED,
                own_page=True,
            ),
        ),
    ),
)

# Anywhere else: no number we could check for every country, so the way to
# find one, and the one fact that holds across the European Union.
FALLBACK = Country(
    code="",
    name=gettext_noop("Somewhere else"),
    emergency=gettext_noop("your local emergency number (112 in every EU country)"),
    lines=(
        Line(
            name=gettext_noop("Find a helpline: a directory of free, confidential helplines by country"),
            url="https://findahelpline.com/",
            source="https://findahelpline.com/AU",
            checked=CHECKED,
            own_page=True,
        ),
    ),
)

BY_CODE = {country.code: country for country in COUNTRIES}

# A first guess from the couple's time zone; the person can always choose.
ZONE_PREFIXES = (
    ("Europe/London", "GB"),
    ("Europe/Belfast", "GB"),
    ("Europe/Dublin", "IE"),
    ("Europe/Berlin", "DE"),
    ("Australia/", "AU"),
    ("America/Toronto", "CA"),
    ("America/Vancouver", "CA"),
    ("America/Montreal", "CA"),
    ("America/Edmonton", "CA"),
    ("America/Winnipeg", "CA"),
    ("America/Halifax", "CA"),
    ("America/St_Johns", "CA"),
    ("America/Regina", "CA"),
    ("America/New_York", "US"),
    ("America/Chicago", "US"),
    ("America/Denver", "US"),
    ("America/Los_Angeles", "US"),
    ("America/Phoenix", "US"),
    ("America/Anchorage", "US"),
    ("Pacific/Honolulu", "US"),
)


def for_code(code: str) -> Country:
    return BY_CODE.get(code, FALLBACK)


def guess_code(zone_name: str) -> str:
    for prefix, code in ZONE_PREFIXES:
        if zone_name.startswith(prefix):
            return code
    return ""


def everything() -> tuple[Country, ...]:
    return (*COUNTRIES, FALLBACK)
