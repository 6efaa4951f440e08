"""The Qt-free settings: declared defaults, checked and normalised values, kept in the journal."""

import pytest

from aijournal.journaling.settings import BY_KEY, SETTINGS, Settings
from aijournal.model.errors import InvalidInput
from aijournal.storage import Journal


def test_a_new_journal_reads_every_declared_default(journal):
    settings = Settings(journal)
    assert {s.key: settings[s.key] for s in SETTINGS} == {s.key: s.default for s in SETTINGS}
    assert (settings["reminder_time"], settings["quiet_hours"], settings["theme"]) == (
        "17:00",
        "22:00-08:00",
        "system",
    )
    assert len(BY_KEY) == len(SETTINGS)  # each key declared once


def test_every_number_setting_has_a_range_that_holds_its_default():
    numbers = [s for s in SETTINGS if type(s.default) is int]
    assert numbers and all(s.low <= s.default <= s.high for s in numbers)


def test_a_value_set_is_normalised_and_stays_when_the_journal_is_opened_again(journal):
    settings = Settings(journal)
    settings["reminder_time"] = "08:05:30"
    settings["quiet_hours"] = " 21:30 \u2013 07:00 "
    settings["reflection_prompts"] = "  What went well?  \n\n\nWho helped?\n"
    settings["who5_cadence_days"] = 90
    settings["run_in_background"] = True
    with Journal.open(journal.paths) as again:
        reread = Settings(again)
        assert reread["reminder_time"] == "08:05"
        assert reread["quiet_hours"] == "21:30-07:00"
        assert reread["reflection_prompts"] == "What went well?\nWho helped?"
        assert reread.cadence_days("who5") == 90
        assert reread["run_in_background"] is True
    settings["quiet_hours"] = "   "
    assert journal.setting("quiet_hours") == ""  # empty: no quiet hours


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (
            "who5_cadence_days",
            91,
            "WHO-5 every (days): 91 is not allowed; use a whole number from 1 to 90",
        ),  # fmt: skip
        ("lock_after_minutes", -1, "from 0 to 240"),
        ("nudge_who5_low", True, "WHO-5 low at or below: True is not allowed"),
        ("cbi_cadence_days", "30", "CBI every (days): '30' is not allowed"),
        ("reminder_enabled", "yes", "Daily reminder: 'yes' is not allowed; use yes or no"),
        ("reminder_enabled", 1, "Daily reminder: 1 is not allowed; use yes or no"),
        ("theme", "blue", "Theme: 'blue' is not allowed; use one of system, light, dark"),
        ("reminder_time", "25:00", "Reminder time: '25:00' is not allowed; use a time as HH:MM"),
        ("reminder_time", None, "Reminder time: None is not allowed"),
        ("quiet_hours", "22:00-22:00", "use two different times, or nothing for none"),
        ("quiet_hours", "late", "Quiet hours: 'late' is not allowed; use times as HH:MM-HH:MM"),
        ("backup_folder", 3, "Backup folder: 3 is not allowed; use text"),
        ("reflection_prompts", "x" * 201, "use prompts of 200 characters or fewer"),
        ("reflection_prompts", "ask\n" * 101, "Reflection prompts: '101 prompts'"),
    ],
)
def test_a_bad_value_names_the_setting_and_what_is_allowed_and_stores_nothing(
    journal, key, value, message
):
    settings = Settings(journal)
    with pytest.raises(InvalidInput) as refused:
        settings[key] = value
    assert message in str(refused.value)
    assert refused.value.field == BY_KEY[key].label
    assert journal.setting(key, "never stored") == "never stored"
    assert settings[key] == BY_KEY[key].default


def test_a_stored_value_no_longer_allowed_reads_as_the_default(journal):
    journal.set_setting("theme", "sepia")  # as an older or newer version might have left it
    journal.set_setting("nudge_burnout_streak", 99)
    journal.set_setting("reminder_time", "five o'clock")
    settings = Settings(journal)
    assert (
        settings["theme"],
        settings["nudge_burnout_streak"],
        settings["reminder_time"],
    ) == ("system", 3, "17:00")


def test_cadence_days_only_for_instruments_with_a_cadence(journal):
    settings = Settings(journal)
    assert (settings.cadence_days("who5"), settings.cadence_days("ucla3")) == (14, 7)
    assert settings.cadence_days("cbi") == 30
    assert settings.cadence_days("burnout") is None


def test_an_unknown_key_is_a_programming_error(journal):
    with pytest.raises(KeyError):
        Settings(journal)["font_size"] = 12
    assert journal.setting("font_size") is None
