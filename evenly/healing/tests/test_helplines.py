"""Every helpline keeps beside it the page it was checked against and when."""

from __future__ import annotations

from datetime import date

from evenly.healing import helplines

REQUIRED = {"GB", "US", "CA", "AU", "IE", "DE"}


def test_every_entry_has_a_source_and_a_checked_date():
    for country in helplines.everything():
        assert country.emergency, country.name
        assert country.lines, country.name
        for line in country.lines:
            assert line.source.startswith("https://"), line.name
            assert line.url.startswith("https://"), line.name
            assert isinstance(line.checked, date) and line.checked <= date.today(), line.name


def test_the_required_countries_and_a_fallback_are_there():
    assert {country.code for country in helplines.COUNTRIES} >= REQUIRED
    assert helplines.for_code("XX") is helplines.FALLBACK
    assert helplines.for_code("") is helplines.FALLBACK


def test_the_numbers_are_the_published_ones():
    # A wrong digit here could cost someone their call for help: keep these in step with the entries.
    phones = {c.code: [line.phone for line in c.lines if line.phone] for c in helplines.COUNTRIES}
    assert phones["GB"] == ["0808 2000 247"]
    assert phones["US"] == ["1-800-799-7233"]
    assert phones["AU"] == ["1800 737 732"]
    assert phones["IE"] == ["1800 341 900"]
    assert phones["DE"] == ["116 016"]


def test_a_time_zone_suggests_a_country():
    assert helplines.guess_code("Europe/London") == "GB"
    assert helplines.guess_code("Australia/Perth") == "AU"
    assert helplines.guess_code("America/Toronto") == "CA"
    assert helplines.guess_code("Asia/Tokyo") == ""
