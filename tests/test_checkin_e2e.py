"""The nightly check-in, end to end: taps, typing, skip, back, edit, resume, two users."""

from __future__ import annotations

import asyncio
from datetime import date

from handlers.text import WAITING as DIALOG_WAITING
from stillnight_dev.standin import BotApiStandin
from tests.flows import onboard, stored_checkins, stored_dialog
from tests.harness import BotHarness

ANA, BEN = 1001, 1002
NIGHT = date(2026, 11, 24)


async def ready_user(standin: BotApiStandin, user_id: int = ANA, place: str = "Berlin"):
    user = standin.user(user_id=user_id, first_name=f"User{user_id}")
    await onboard(user, place)
    return user


async def test_full_checkin_in_twelve_taps_or_fewer(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    taps_before = len(standin.callback_queries())
    await user.command("/checkin")
    assert "1/8" in user.last_text and "How restless" in user.last_text
    checkin_message = user.messages[-1].message_id
    await user.tap("7")
    await user.tap("In the evening (after 6 pm)")
    await user.tap("Often")
    await user.tap("Calves")
    await user.tap("Done ➜")
    await user.tap("Tingling, fizzy")
    await user.tap("Done ➜")
    await user.tap("None today")
    await user.tap("Done ➜")
    await user.tap("Skip")
    assert "recap" in user.last_text
    await user.tap("✅ Save")
    taps = len(standin.callback_queries()) - taps_before
    assert taps <= 12, taps
    assert "Check-in saved" in user.last_text
    assert user.messages[-1].message_id == checkin_message, "one message, edited in place"
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.night == NIGHT
    assert (checkin.severity, checkin.onset, checkin.urge) == (7, "evening", "often")
    assert (checkin.locations, checkin.sensations) == (["calves"], ["tingling"])
    assert (checkin.took_medicine, checkin.caffeine, checkin.alcohol) == (False, False, False)
    assert checkin.note is None and checkin.saved_at is not None
    assert await stored_dialog(bot, ANA) is None


async def test_medicine_added_by_name_with_time_and_a_typed_note(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ("3", "Only at bedtime", "Sometimes", "Done ➜", "Done ➜"):
        await user.tap(label)
    assert "RLS medicine" in user.last_text and "never comment on doses" in user.last_text
    await user.tap("➕ Add a medicine")
    await user.send("Pregabalin")
    assert "When did you take Pregabalin" in user.last_text
    await user.send("9:15pm")
    assert "✓ Pregabalin · 21:15" in str(user.last_buttons)
    await user.tap("Done: 1 medicine ➜")
    await user.tap("☕ Caffeine after noon")
    assert "✓ ☕ Caffeine after noon" in str(user.last_buttons)
    await user.tap("Done ➜")
    await user.send("Long walk, <b>tired</b> & sore")
    assert "Pregabalin at 21:15" in user.last_text
    assert "Long walk, <b>tired</b> & sore" in user.last_text
    await user.tap("✅ Save")
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.took_medicine and checkin.doses == [
        {"id": checkin.doses[0]["id"], "time": "21:15", "amount": None}
    ]
    assert (checkin.caffeine, checkin.exercise) == (True, False)
    assert checkin.note == "Long walk, <b>tired</b> & sore"
    # The medicine is remembered for the next night, ticked with its usual time: one tap.
    bot.clock.advance(days=1)
    await user.command("/checkin")
    for label in ("2", "Skip", "Skip", "Skip", "Skip"):
        await user.tap(label)
    assert ["✓ Pregabalin · 21:15"] in user.last_buttons
    await user.tap("Done: 1 medicine ➜")
    assert "Today, did you have" in user.last_text


async def test_skip_and_back(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("Skip")
    assert "2/8" in user.last_text
    await user.tap("Since the morning")
    await user.tap("« Back")
    assert "2/8" in user.last_text and "✓ Since the morning" in str(user.last_buttons)
    await user.tap("« Back")
    await user.tap("5")
    await user.tap("No symptoms today")
    [checkin] = await stored_checkins(bot, ANA)
    assert (checkin.severity, checkin.onset) == (5, "none")
    assert checkin.answered == ["sev", "ons"]


async def test_edit_an_answer_from_the_recap(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ["4"] + ["Skip"] * 7:
        await user.tap(label)
    assert "Restlessness: 4/10" in user.last_text
    await user.tap("✎ Restlessness")
    await user.tap("8")
    assert "recap" in user.last_text and "Restlessness: 8/10" in user.last_text
    await user.tap("✅ Save")
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 8


async def test_resume_after_restart_hours_later(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("6")
    await user.tap("Only at bedtime")
    await bot.restart()
    bot.clock.advance(hours=3)  # 01:00 in Berlin: still the same night
    await user.command("/checkin")
    assert "3/8" in user.last_text and "urge to move" in user.last_text
    await user.tap("Rarely")
    [checkin] = await stored_checkins(bot, ANA)
    assert (checkin.night, checkin.severity, checkin.urge) == (NIGHT, 6, "rarely")


async def test_checkin_again_offers_tonights_never_a_duplicate(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    for label in ["1"] + ["Skip"] * 7 + ["✅ Save"]:
        await user.tap(label)
    await user.command("/checkin")
    assert "saved" in user.last_text and "Restlessness: 1/10" in user.last_text
    await user.tap("✎ Restlessness")
    await user.tap("2")
    await user.tap("✅ Save")
    checkins = await stored_checkins(bot, ANA)
    assert len(checkins) == 1 and checkins[0].severity == 2


async def test_morning_checkin_belongs_to_the_night_before(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    bot.clock.advance(hours=12)  # 10:00 local next day: before noon
    await user.command("/checkin")
    assert "Tue 24 Nov" in user.last_text
    bot.clock.advance(hours=3)  # 13:00: a new night
    await user.command("/checkin")
    assert "Wed 25 Nov" in user.last_text


async def test_bad_inputs_get_a_reply_and_the_question_again(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("5")
    rows_before = await stored_checkins(bot, ANA)

    await user.send("zzzz qqqq")
    assert "tap one of the buttons" in user.last_text and "2/8" in user.last_text
    await user.command("/frobnicate")
    assert "2/8" in user.last_text
    assert any("I don't know the command /frobnicate" in m.text for m in user.messages)
    await user.send_sticker()
    assert "stickers" in user.last_text and "2/8" in user.last_text
    await user.send_photo()
    assert "2/8" in user.last_text
    await user.send("x" * 5000)
    assert "5,000 characters" in str([m.text for m in user.messages[-2:]])
    assert "2/8" in user.last_text

    after = await stored_checkins(bot, ANA)
    assert [(c.severity, c.onset, c.answered) for c in after] == [
        (c.severity, c.onset, c.answered) for c in rows_before
    ]
    await user.tap("Only at bedtime")
    assert "3/8" in user.last_text


async def test_typed_answers_out_of_range_or_malformed(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.send("11")
    assert "from 0 to 10" in user.last_text and "1/8" in user.last_text
    await user.send("7")
    assert "2/8" in user.last_text
    for label in ("Skip", "Skip", "Skip", "Skip", "➕ Add a medicine"):
        await user.tap(label)
    await user.send("R" * 80)
    assert "64" in user.last_text
    await user.send("Ropinirole")
    await user.send("25:99")
    assert "When did you take Ropinirole" in user.last_text
    await user.send("21:00")
    await user.tap("Done: 1 medicine ➜")
    await user.tap("Done ➜")
    await user.send("n" * 4097)
    assert "4,097 characters" in user.last_text and "4,096" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 7 and checkin.doses[0]["time"] == "21:00" and checkin.note is None


async def test_old_button_from_a_finished_checkin(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    first = user.messages[-1].message_id
    for label in ["3"] + ["Skip"] * 7 + ["✅ Save"]:
        await user.tap(label)
    before = await stored_checkins(bot, ANA)
    answer = await user.tap_data(f"ci:{before[0].id}:sev:v9", message_id=first)
    assert "earlier screen" in answer
    assert [c.severity for c in await stored_checkins(bot, ANA)] == [3]


async def test_forged_button_for_another_users_checkin_changes_nothing(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    ana = await ready_user(standin, ANA)
    ben = await ready_user(standin, BEN)
    await ana.command("/checkin")
    await ana.tap("4")
    [ana_checkin] = await stored_checkins(bot, ANA)
    await ben.command("/checkin")
    answer = await ben.tap_data(
        f"ci:{ana_checkin.id}:ons:vnone", message_id=ben.messages[-1].message_id
    )
    assert "earlier screen" in answer
    [ana_after] = await stored_checkins(bot, ANA)
    assert ana_after.onset is None and ana_after.answered == ["sev"]


async def test_two_users_at_once_never_mix(bot: BotHarness, standin: BotApiStandin) -> None:
    ana = await ready_user(standin, ANA)
    ben = await ready_user(standin, BEN, "Tokyo")

    async def play(user, severity: str, onset: str, note: str) -> None:
        await user.command("/checkin")
        await user.tap(severity)
        await user.tap(onset)
        for label in ("Skip", "Skip", "Skip", "Skip", "Skip"):
            await user.tap(label)
        await user.send(note)
        await user.tap("✅ Save")

    await asyncio.gather(
        play(ana, "2", "Only at bedtime", "ana's night"),
        play(ben, "9", "Since the morning", "ben's night"),
    )
    [a] = await stored_checkins(bot, ANA)
    [b] = await stored_checkins(bot, BEN)
    assert (a.severity, a.onset, a.note) == (2, "bedtime", "ana's night")
    assert (b.severity, b.onset, b.note) == (9, "morning", "ben's night")
    assert b.night == NIGHT  # 06:00 on the 25th in Tokyo: before noon, so the night before


async def test_crisis_message_during_checkin(bot: BotHarness, standin: BotApiStandin) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("8")
    shown = len(user.messages)
    await user.send("i cant take this anymore i want to end my life")
    assert len(user.messages) == shown + 1, "a crisis reply stands alone"
    assert "TelefonSeelsorge" in user.last_text, "the lines of the user's country (Berlin)"
    dialog = await stored_dialog(bot, ANA)
    assert dialog is not None and dialog.step == "ons"
    await user.command("/checkin")
    assert "2/8" in user.last_text
    [checkin] = await stored_checkins(bot, ANA)
    assert checkin.severity == 8


async def test_a_question_typed_mid_checkin_is_answered_then_the_checkin_waits(
    bot: BotHarness, standin: BotApiStandin
) -> None:
    user = await ready_user(standin)
    await user.command("/checkin")
    await user.tap("5")
    await user.send("does coffee make rls worse?")
    texts = [m.text for m in user.messages[-2:]]
    assert "caffeine" in texts[0].lower()
    assert DIALOG_WAITING in texts[1] and "2/8" in texts[1]
