"""The Russian input parser: times, durations, counts, numbers, dates, skip and yes/no words.

What people type in bed is turned into the digits and units the English readers know
("полдесятого вечера" → 21:30, "час пятнадцать" → "1 h 15", "раза три" → "3", "1 сентября"
→ "1 september"), and those readers (bot/parsing/clock.py, amounts.py, dates.py) do the
rest, raising the same Problem codes. Values in a Problem are built here, never the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time, timedelta

from bot.core.problems import Code, Problem
from bot.parsing.amounts import parse_count, parse_minutes
from bot.parsing.clock import parse_clock
from bot.parsing.dates import parse_day

SKIP_WORDS = {"пропустить", "пропусти", "пропускаю", "пропущу", "пропуск", "пропустим",
              "дальше", "далее", "следующий", "пас", "skip", "-"}  # fmt: skip
YES_WORDS = {"да", "ага", "угу", "конечно", "конечно да", "ок", "окей", "ok", "хорошо",
             "ладно", "давай", "давайте", "да пожалуйста", "да, пожалуйста", "да давай",
             "да, давай", "да конечно", "да, конечно", "можно", "yes", "д"}  # fmt: skip
NO_WORDS = {"нет", "неа", "не", "нет спасибо", "нет, спасибо", "не надо", "не нужно",
            "не хочу", "нет не надо", "нет, не надо", "no", "н"}  # fmt: skip
# "Nothing" answers, word by word: "нет", "ничего", "сегодня ничего не принимал(а)".
NONE_WORDS = {"нет", "ничего", "никаких", "никакого", "никакие", "ни", "не", "без", "ноль",
              "0", "вообще", "совсем", "сегодня", "вечером", "днем", "лекарств", "лекарства",
              "лекарство", "таблеток", "таблетки", "таблетку", "одного", "одной",
              "одну", "принимал", "принимала", "принимали", "принял", "приняла", "пил",
              "пила", "выпил", "выпила", "было", "я", "и", "уже", "пока"}  # fmt: skip
NONE_MARKERS = {"нет", "ничего", "никаких", "никакого", "никакие", "ни", "не", "без", "ноль", "0"}

UNITS = {
    "ноль": 0, "нуль": 0, "один": 1, "одна": 1, "одно": 1, "одну": 1, "одного": 1,
    "одной": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4,
    "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12,
    "тринадцать": 13, "тринадцати": 13, "четырнадцать": 14, "четырнадцати": 14,
    "пятнадцать": 15, "пятнадцати": 15, "шестнадцать": 16, "шестнадцати": 16,
    "семнадцать": 17, "семнадцати": 17, "восемнадцать": 18, "восемнадцати": 18,
    "девятнадцать": 19, "девятнадцати": 19,
}  # fmt: skip
TENS = {
    "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30, "сорок": 40,
    "сорока": 40, "пятьдесят": 50, "пятидесяти": 50, "шестьдесят": 60, "шестидесяти": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
}  # fmt: skip
HUNDREDS = {"сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
            "шестьсот": 600, "семьсот": 700}  # fmt: skip
# Ordinal stems ("десятого", "первое", "третьего"): a day of the month or "полдесятого".
_ORDINAL_STEMS = {
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12,
    "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
    "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30,
}  # fmt: skip
_ORDINAL = re.compile(
    r"^(?:(?P<tens>двадцать|тридцать) )?(?P<stem>"
    + "|".join(sorted(_ORDINAL_STEMS, key=len, reverse=True))
    + r")(?:ое|ого|ье|ьего|ий|ый|ой|ая|ую|ом|ье|ое)$"
)
MONTHS = {
    name: english
    for english, names in (
        ("january", "январь января янв"),
        ("february", "февраль февраля фев февр"),
        ("march", "март марта мар"),
        ("april", "апрель апреля апр"),
        ("may", "май мая"),
        ("june", "июнь июня июн"),
        ("july", "июль июля июл"),
        ("august", "август августа авг"),
        ("september", "сентябрь сентября сен сент"),
        ("october", "октябрь октября окт"),
        ("november", "ноябрь ноября ноя нояб"),
        ("december", "декабрь декабря дек"),
    )
    for name in names.split()
}
RELATIVE = {"сегодня": 0, "вчера": 1, "позавчера": 2}

_ESTIMATE = re.compile(
    r"^(?:(?:около|примерно|приблизительно|где-то|где то|наверное|наверно|может быть|может"
    r"|почти|порядка|вроде|ну|чуть больше|чуть меньше|больше|меньше|не больше|не меньше"
    r"|максимум|минимум|~)\s*,?\s*)+"
)
_TAIL = re.compile(r"(?:\s*(?:\?|!|\.|,|или около того|примерно|наверное|где-то|вроде))+$")


def normalize(text: str) -> str:
    """Casefolded, NFKC, ё as е, one space between words, dashes as '-', hedges removed."""
    s = unicodedata.normalize("NFKC", text or "").casefold().replace("ё", "е")
    s = s.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = " ".join(s.split())
    s = _TAIL.sub("", s)
    return _ESTIMATE.sub("", s).strip()


def words_to_digits(s: str) -> str:
    """ "двадцать пять" → "25", "трех" → "3", "сто двадцать" → "120"; other words stay."""
    out: list[str] = []
    value: int | None = None
    room = 0  # what may still be added: 3 after hundreds, 2 after tens, 0 when complete

    def flush() -> None:
        nonlocal value, room
        if value is not None:
            out.append(str(value))
        value, room = None, 0

    for word in s.split(" "):
        if word in HUNDREDS:
            size, amount, left = 3, HUNDREDS[word], 3
        elif word in TENS:
            size, amount, left = 2, TENS[word], 2
        elif word in UNITS and UNITS[word] >= 10:
            size, amount, left = 2, UNITS[word], 0  # "пятнадцать": nothing may follow
        elif word in UNITS and UNITS[word] > 0:
            size, amount, left = 1, UNITS[word], 0
        elif word in UNITS:
            flush()
            out.append("0")
            continue
        else:
            flush()
            out.append(word)
            continue
        if value is not None and size < room:
            value += amount
            room = min(size, left) if left else 0
        else:
            flush()
            value, room = amount, left
    flush()
    return " ".join(out)


def ordinal(word: str) -> int | None:
    """ "десятого" → 10, "двадцать первое" → 21; None for any other word."""
    m = _ORDINAL.match(word)
    if m is None:
        return None
    tens = {"двадцать": 20, "тридцать": 30}.get(m["tens"] or "", 0)
    return tens + _ORDINAL_STEMS[m["stem"]]


# Times of day

_NAMED = {"полдень": time(12, 0), "полночь": time(0, 0)}
_LEAD = re.compile(r"^(?:(?:в|во|к|часов в|часа в|часиков в|на)\s+)+")
_PERIOD = re.compile(r"(?:^|\s)(утра|утром|дня|днем|вечера|вечером|ночи|ночью)(?=\s|$)")
_PERIOD_OF = {"утра": "утра", "утром": "утра", "дня": "дня", "днем": "дня",
              "вечера": "вечера", "вечером": "вечера", "ночи": "ночи", "ночью": "ночи"}  # fmt: skip
_HOUR_WORD = r"(?:часов|часа|час|ч)\.?"
_MIN_WORD = r"(?:минуты|минут|минуту|минута|мин|м)\.?"
_HALF = re.compile(r"^(?:половина |половину |половине |пол-?\s?)(?P<ord>\S+(?: \S+)?)$")
_QUARTER_PAST = re.compile(r"^(?:четверть|(?P<n>\d{1,2})(?: " + _MIN_WORD + r")?) (?P<ord>\S+)$")
_BEFORE = re.compile(r"^без (?:(?P<q>четверти)|(?P<n>\d{1,2})(?: " + _MIN_WORD + r")?) (?P<h>.+)$")
_H_M_WORDS = re.compile(
    rf"^(?P<h>\d{{1,2}})\s*{_HOUR_WORD}(?:\s*(?:и\s*)?(?P<m>\d{{1,2}})(?:\s*{_MIN_WORD})?)?$"
)


def _read_clock(text: str) -> time:
    s = normalize(text)
    if not s:
        raise Problem(Code.CLOCK_EMPTY)
    period = None
    if m := _PERIOD.search(s):
        period = _PERIOD_OF[m[1]]
        s = (s[: m.start()] + s[m.end() :]).strip()
    s = _LEAD.sub("", s).strip()
    if not s:
        raise Problem(Code.CLOCK_UNREADABLE)
    s = re.sub(r"^час(?=\s|$)", "1 час", s)  # "в час ночи"
    if s in _NAMED and period is None:
        return _NAMED[s]
    if (m := _HALF.match(s)) and (n := ordinal(m["ord"])) is not None:
        return _in_period(_previous_hour(n), 30, period)
    digits = words_to_digits(s)
    if (m := _QUARTER_PAST.match(digits)) and (n := ordinal(m["ord"])) is not None:
        minutes = int(m["n"]) if m["n"] else 15
        if not 0 < minutes < 60:
            raise Problem(Code.CLOCK_UNREADABLE)
        return _in_period(_previous_hour(n), minutes, period)
    if m := _BEFORE.match(digits):
        minutes = 15 if m["q"] else int(m["n"])
        base = _read_hour(m["h"], period)
        if base.minute or not 0 < minutes < 60:
            raise Problem(Code.CLOCK_QUARTER_WITH_MINUTES)
        total = (base.hour * 60 - minutes) % (24 * 60)
        return time(total // 60, total % 60)
    if m := _H_M_WORDS.match(digits):
        digits = f"{m['h']}:{m['m']}" if m["m"] else m["h"]
        if m["m"] and len(m["m"]) == 1:
            digits = f"{m['h']}:0{m['m']}"
    return _in_period_text(digits, period)


def _previous_hour(ordinal_hour: int) -> int:
    """ "полдесятого" is half past nine: the hour before the one named, on a 12-hour dial."""
    if not 1 <= ordinal_hour <= 12:
        raise Problem(Code.CLOCK_UNREADABLE)
    return 12 if ordinal_hour == 1 else ordinal_hour - 1


def _read_hour(words: str, period: str | None) -> time:
    return _in_period_text(words, period)


def _in_period_text(digits: str, period: str | None) -> time:
    if any("а" <= ch <= "я" for ch in digits):
        raise Problem(Code.CLOCK_UNREADABLE)
    at = parse_clock(digits)
    if period is None:
        return at
    hour = 24 if at.hour == 0 and digits.strip().startswith("24") else at.hour
    return _in_period(hour, at.minute, period)


def _in_period(hour: int, minute: int, period: str | None) -> time:
    """An hour on a 12-hour dial (or a 24-hour one) with "утра", "дня", "вечера" or "ночи"."""
    mm = f":{minute:02d}" if minute else ""
    if period is None:
        return time(0 if hour == 12 else hour, minute)
    if hour == 0:
        night = period in {"утра", "ночи"}
        raise Problem(
            Code.CLOCK_ZERO_WITH_MERIDIEM,
            as_12h=f"12{mm} {'ночи' if night else 'дня'}",
            as_24h=f"{'00' if night else '12'}:{minute:02d}",
        )
    if hour > 12:
        fits = {"утра": (), "дня": range(12, 18), "вечера": range(16, 24), "ночи": range(21, 24)}
        if hour < 24 and hour in fits[period]:
            return time(hour, minute)
        if hour >= 24:
            raise Problem(Code.CLOCK_NOT_A_TIME_OF_DAY, given=f"{hour}:{minute:02d}")
        later = "дня" if hour < 17 else "вечера"
        raise Problem(
            Code.CLOCK_MIXED_12_24,
            given=f"{hour}{mm} {period}",
            as_12h=f"{hour - 12}{mm} {later}",
            as_24h=f"{hour}:{minute:02d}",
        )
    if period == "утра":
        return time(hour, minute)
    if period == "дня":
        if hour == 12 or hour <= 6:
            return time(12 if hour == 12 else hour + 12, minute)
        raise Problem(Code.CLOCK_UNREADABLE)
    if period == "вечера":
        return time(0 if hour == 12 else hour + 12, minute)
    # "ночи": "2 ночи" is 02:00, "11 ночи" is 23:00, "12 ночи" midnight.
    if hour == 12:
        return time(0, minute)
    if hour <= 5:
        return time(hour, minute)
    if hour >= 9:
        return time(hour + 12, minute)
    raise Problem(Code.CLOCK_UNREADABLE)


# Durations and counts

ZERO_WORDS = {
    "0", "ноль", "нуль", "нисколько", "нисколечко", "нет", "ничего", "не было", "совсем нет",
    "ни минуты", "ни минутки", "сразу", "сразу же", "тут же", "мгновенно", "моментально",
    "почти сразу", "ни разу", "ни одного", "ни одного раза", "не просыпался",
    "не просыпалась", "не просыпались", "не вставал", "не вставала", "не вставали", "никогда",
}  # fmt: skip
_MINUTE_PHRASES = {
    "полчаса": 30, "получаса": 30, "пол часа": 30, "пол-часа": 30, "половина часа": 30,
    "полчасика": 30,
    "четверть часа": 15, "три четверти часа": 45, "полтора часа": 90, "полтора": 90,
    "час": 60, "часик": 60, "целый час": 60, "час с половиной": 90,
    "минута": 1, "минуту": 1, "одну минуту": 1, "пара минут": 2, "пару минут": 2,
    "две минуты": 2, "пять минут": 5, "минут пять": 5, "минутку": 1,
}  # fmt: skip
_VAGUE = {"несколько", "несколько минут", "несколько раз", "немного", "немножко", "много",
          "долго", "недолго", "чуть-чуть", "чуть чуть", "какое-то время", "пару", "пара",
          "много раз", "несколько часов", "часто", "иногда", "пару-тройку"}  # fmt: skip
_COUNT_WORDS = {"раз": 1, "один раз": 1, "однажды": 1, "разок": 1, "дважды": 2, "трижды": 3,
                "пару раз": 2, "пара раз": 2, "пару разиков": 2}  # fmt: skip
# "минут двадцать", "часа два", "раза три": a unit before the number means "about".
_INVERTED = re.compile(r"^(?P<unit>часа|часов|минут|минуты|раза|раз) (?P<n>\d+)$")


# Words the English duration reader knows under another name.
_AS_ENGLISH = {"с половиной": "and a half"}


def _duration_words(s: str) -> str:
    """Russian units and links as the English reader's: "1 час и 15 минут" → "1 h and 15 min"."""
    s = s.replace("полтора", "1.5").replace("полторы", "1.5")
    for russian, english in _AS_ENGLISH.items():
        s = re.sub(rf"\b{russian}\b", english, s)
    s = re.sub(rf"(?<=half)\s*{_HOUR_WORD}(?=\s|$)", " h", s)
    s = re.sub(rf"(?<=\d)\s*{_HOUR_WORD}(?=\s|$|\d)", " h", s)
    s = re.sub(r"^час(?=\s|$)", "1 h", s)
    s = re.sub(r"(?<=\s)час(?=\s|$)", "1 h", s)
    s = re.sub(rf"(?<=\d)\s*{_MIN_WORD}(?=\s|$)", " min", s)
    s = re.sub(r"^от\s+", "", s)
    s = re.sub(r"(?<=\d)\s+(?:до|или|либо)\s+(?=\d)", " or ", s)
    s = re.sub(r"(?<=h)\s+и\s+", " and ", s)
    return " ".join(s.split())


def _minutes(text: str) -> int:
    s = normalize(text)
    if not s:
        raise Problem(Code.MINUTES_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if s in _MINUTE_PHRASES:
        return _MINUTE_PHRASES[s]
    if s in _VAGUE:
        raise Problem(Code.MINUTES_VAGUE)
    s = words_to_digits(s)
    if m := _INVERTED.match(s):
        s = f"{m['n']} {m['unit']}"
    english = _duration_words(s)
    if any("а" <= ch <= "я" for ch in english):
        raise Problem(Code.MINUTES_UNREADABLE)
    return parse_minutes(english)


def _count(text: str) -> int:
    s = normalize(text)
    if not s:
        raise Problem(Code.COUNT_EMPTY)
    if s in ZERO_WORDS:
        return 0
    if s in _COUNT_WORDS:
        return _COUNT_WORDS[s]
    if s in _VAGUE:
        raise Problem(Code.COUNT_VAGUE)
    s = words_to_digits(s)
    if m := _INVERTED.match(s):
        s = m["n"]
    s = re.sub(r"\s*(?:раза|раз|р\.|x|х)$", "", s)
    s = re.sub(r"^от\s+", "", s)
    s = re.sub(r"(?<=\d)\s+(?:до|или|либо)\s+(?=\d)", " or ", s)
    if any("а" <= ch <= "я" for ch in s):
        raise Problem(Code.COUNT_UNREADABLE)
    return parse_count(s)


# Dates

_DAY_SUFFIX = re.compile(r"(?<=\d)-?(?:го|е|ое|ого)\b")
_YEAR_WORD = re.compile(r"(?<=\d{4})\s*(?:г\.?|года|год)$")


def _day(text: str, today: date) -> date:
    s = normalize(text).rstrip(".")
    if s in RELATIVE:
        return today - timedelta(days=RELATIVE[s])
    if s in {"завтра", "послезавтра"}:
        raise Problem(Code.DAY_IN_FUTURE, day=today + timedelta(days=1 if s == "завтра" else 2))
    s = _YEAR_WORD.sub("", s)
    s = _DAY_SUFFIX.sub("", s)
    words = s.replace(",", " ").split()
    if words and (n := ordinal(" ".join(words[:2]))) is not None and len(words) > 2:
        words = [str(n), *words[2:]]
    elif words and (n := ordinal(words[0])) is not None:
        words = [str(n), *words[1:]]
    words = [MONTHS.get(w.rstrip("."), w) for w in words]
    english = " ".join(words)
    if any("а" <= ch <= "я" for ch in english):
        raise Problem(Code.DAY_UNREADABLE)
    return parse_day(english, today)


class RussianInput:
    def clock(self, text: str) -> time:
        return _read_clock(text)

    def minutes(self, text: str) -> int:
        return _minutes(text)

    def count(self, text: str) -> int:
        return _count(text)

    def number(self, text: str) -> int:
        s = normalize(text)
        s = re.sub(r"\s*(?:/\s*10|из 10|из десяти)$", "", s)
        s = re.sub(r"^на\s+", "", s)
        cleaned = words_to_digits(s).strip()
        if not (cleaned.isascii() and cleaned.isdigit()):
            raise Problem(Code.NUMBER_UNREADABLE)
        return int(cleaned)

    def day(self, text: str, today: date) -> date:
        return _day(text, today)

    def looks_like_number(self, text: str) -> bool:
        return any(ch.isdigit() for ch in words_to_digits(normalize(text)))

    def is_skip(self, text: str) -> bool:
        return normalize(text).strip(".!") in SKIP_WORDS

    def says_none(self, text: str) -> bool:
        words = normalize(text).replace(",", " ").replace(".", " ").replace("!", " ").split()
        return bool(words) and set(words) <= NONE_WORDS and bool(set(words) & NONE_MARKERS)

    def yes_no(self, text: str) -> bool | None:
        said = normalize(text).strip(",!")
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
        return None


RUSSIAN = RussianInput()
