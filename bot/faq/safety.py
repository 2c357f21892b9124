"""Safety checks that run before any topic matching.

Three checks, in this order (the first that fires wins):

1. crisis: suicide, self-harm, hopelessness -> help lines and nothing else;
2. red flags: a swollen / hot / red painful leg, sudden weakness or numbness, chest pain,
   breathlessness -> same-day care (``kind="crisis"``, ``topic="urgent_care"``);
3. dosing and prescribing questions -> a kind decline (``kind="decline"``,
   ``topic="dosing"``) plus general facts that are safe to give.

The patterns are explicit phrases, not single scary words: "my legs are killing me",
"dying for some sleep" or "dead tired" are ordinary RLS talk. Typos in the words that
matter ("suicidel", "pramipexol") are repaired first with rapidfuzz.

Dosing is only declined when the text *asks* something (a question mark or a question /
advice word). A check-in note such as "took 0.25mg pramipexole at 22:00" is a record,
not a question, and must not be blocked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.faq.lines import INTERNATIONAL, HelpLines
from bot.faq.safety_languages import Alarm, alarm
from bot.faq.safety_replies import (
    crisis_reply,
    dosing_reply,
    negated_reply,
    overdose_reply,
    urgent_reply,
)
from bot.faq.text import normalise
from bot.faq.types import Reply
from bot.i18n import Texts

# Medicines by name, for the patterns about taking too many (and the classes below).
_NAMED_MEDICINES = (
    "pramipexole mirapex mirapexin sifrol ropinirole requip rotigotine neupro levodopa "
    "sinemet madopar carbidopa gabapentin neurontin horizant regnite pregabalin lyrica "
    "sertraline citalopram fluoxetine prozac mirtazapine amitriptyline diphenhydramine "
    "benadryl oxycodone tramadol codeine methadone morphine clonazepam diazepam zopiclone "
    "zolpidem melatonin ibuprofen paracetamol acetaminophen aspirin naproxen quinine iron"
)
_CRISIS = re.compile(
    "|".join(
        (
            r"\bsuicid",
            r"\bkms\b",
            r"\bkill(ing)? ?my ?self\b",
            r"\b(hang|hanging|hurt|hurting|harm|harming|cut|cutting|injure|injuring) my ?self\b",
            r"\bself ?(harm|injur)",
            r"\b(end|ending|take|taking) (it all|my (own )?life)\b",
            r"\b(want|wish|ready|plan|planning|tempted|like) (to )?"
            r"(die|be dead|not exist|disappear)\b",
            r"\bfeel like dying\b",
            r"\b(done with|tired of) (life|living|being alive)\b(?! with)",
            r"\bwant (it all|everything|my life) to (end|be over)\b",
            r"\bi (wish|hope) i (was|were) (dead|never born|gone)\b",
            r"\bwish i (could|would) (just )?die\b",
            r"\bbetter off\b.{0,30}\b(dead|gone|without me)\b",
            r"\bif i (was|were) (dead|gone)\b",
            r"\b(no|not any|nothing|no more) (point|reason|purpose) (in |to |of )?"
            r"(living|live|life|going on|carrying on|being alive|being here)\b",
            r"\bnothing (left )?to live for\b",
            r"\bdo not want to (live|be alive|be here|exist|wake up|go on|carry on)\b",
            r"\b(life|living) (is )?not worth\b",
            r"\bnot worth living\b",
            r"\bcan not (go on|carry on)\b",
            r"\bcan not (do|take|cope with|handle|stand) (this|it) any ?more\b",
            r"\bhopeless",
            r"\bno hope\b",
            r"\bgiv(e|ing) up on (life|living|everything)\b",
            r"\b(take|taking) an overdose\b",
            r"\boverdose on purpose\b",
            r"\bsleep and (never|not) wake up\b",
            r"\b(never|not) wake up again\b",
            r"\b(hope|wish) i (do not|never|will not) wake up\b",
            r"\bjump (off|in front of)\b",
            r"\bcan not live (with|like) (this|it)\b",
            r"\b(do not|can not) see (the|any) point (in|of) (living|life|going on|being alive"
            r"|being here|carrying on)\b",
            r"\bno one would (miss|notice|care)\b|\bnobody would (miss|notice|care)\b",
            r"\bwant to disappear\b|\bdisappear (forever|for good)\b",
            r"\bsleep forever\b|\bnever (to )?wake (up )?again\b",
            r"\b(life|living|everything|it all|my life) (is|feels|seems) (so )?(pointless"
            r"|meaningless|hopeless|not worth it)\b|\bpointless (living|to live|to go on)\b",
            r"\b(rather|prefer to) (be )?(dead|die)\b",
            r"\b(end|ending) (it|everything|things)( all)?\b"
            r"(?! (for|to) (the|my) (legs|rls|symptoms))",
            r"\bwant out of (this )?(life|living|the world)\b",
            r"\b(done with|finished with) (it all|everything|this life)\b",
            r"\b(live or die|dead or alive)\b",
            r"\bway out\b.{0,20}\b(die|death|dead|to end)\b",
        )
    )
)
_PILLS = (
    r"(pills?|tablets?|capsules?|meds|medicines?|medications?|patch(es)?|doses?|box|bottle"
    r"|pack|packet|strip|" + "|".join(_NAMED_MEDICINES.split()) + r")"
)
# Self-harm through medicines: this wins over every medicine topic and dosing.
_CRISIS_MEDICINE = re.compile(
    "|".join(
        (
            r"\b(want to|going to|gonna|will|plan to|planning to|thinking of|thinking about"
            r"|about to|ready to|tempted to|could|might) (just )?(take|taking|swallow|swallowing"
            r"|down|downing|od on)( \w+)? (all|every|the whole|the entire|the rest of)\b",
            r"\b(swallow|swallowing|down|downing) (all|every|the whole|the entire|the rest of)\b",
            r"\b(all|every) (of )?(my |the |these |those )?(\w+ )?"
            + _PILLS
            + r"\b.{0,20}\b(at once|together|in one go|at the same time)\b",
            r"\b(lethal|fatal|deadly|toxic) (dose|amount|overdose|number|level)\b",
            r"\bhow (many|much)\b.{0,60}\b(to|would it take to|will|would|until i|before i|and) "
            r"(die|be dead|kill (me|you|a person|someone)|not wake up|never wake up|end it"
            r"|stop breathing|be fatal)\b",
            r"\b(before|until|enough to|would|will) (it |they )?(kill|kills) (me|you|a person"
            r"|someone|somebody)\b",
            r"\b(saving|stockpiling|hoarding|collecting|saved|stockpiled|hoarded|stashing"
            r"|stashed) (up )?(all )?(my |some |the )?" + _PILLS + r"\b",
            _PILLS + r" (saved|stockpiled|hoarded|stashed|put aside|set aside)\b",
            r"\b(going to|want to|plan to|planning to|will|thinking of|thinking about) "
            r"(overdose|od)\b",
            r"\b(took|taken|swallowed|had|used|take|taking)\b.{0,40}\b(on purpose|deliberately"
            r"|intentionally)\b",
        )
    )
)
# A crisis phrase right after "not" / "never" (a word or two between, from this list) is
# negated: "i am not suicidal", "i do not want to die", "not thinking of hurting myself".
_NEGATED_BEFORE = re.compile(
    r"\b(not|never)( (really|actually|at all|even|ever|going to|planning to|thinking"
    r"|of|about|want|wanting|trying|to|feeling))*\s*$"
)

_LEG = r"\b(leg|legs|calf|calves|thigh|thighs|ankle|ankles|foot|feet|knee)\b"
_SWOLLEN = re.compile(r"\b(swollen|swelling|swelled|swell|swells|puffy|puffed up)\b")
_INFLAMED = re.compile(r"\b(red|redness|inflamed|hot|warm to the touch)\b")
_PAIN = re.compile(r"\b(pain|painful|hurts?|hurting|tender|sore|aching)\b")
_ONE_SIDE = re.compile(r"\b(one|left|right|single|calf|red|redness|inflamed)\b")
_SUDDEN = re.compile(r"\b(sudden|suddenly|all of a sudden|out of nowhere|out of the blue)\b")
_DEFICIT = re.compile(
    r"\b(weak|weakness|numb|numbness|paraly[sz]ed|can not move|can not feel|droop\w*|slurr\w*)\b"
)
_ALWAYS_URGENT = re.compile(
    r"\b(lost|losing|lose|no) control (of|over) (my )?(bladder|bowels?|pee|wee)\b"
    r"|\b(wet|wetting|pee|peed|peeing|soil|soiled|soiling) my ?self\b|\bincontinen\w*|"
    r"\bchest (pain|pains|hurts|tight|tightness|pressure)\b|\bpain in (my|the) chest\b"
    r"|\b(short of breath|shortness of breath|breathless|can not breathe|can not catch my breath"
    r"|struggling to breathe|trouble breathing|difficulty breathing|hard to breathe)\b"
    r"|\b(face|mouth) (is )?droop\w*|\bslurred speech\b"
)

# Medicines by the class of safe facts we can give about them ("generic" -> none).
_MEDICINE_CLASSES: dict[str, str] = {
    "dopamine": "pramipexole mirapex mirapexin sifrol ropinirole requip rotigotine neupro "
    "levodopa sinemet madopar carbidopa agonist agonists",
    "alpha2delta": "gabapentin neurontin horizant enacarbil regnite pregabalin lyrica",
    "iron": "iron ferrous",
    "trigger": "antidepressant antidepressants antihistamine antihistamines sertraline "
    "citalopram fluoxetine prozac mirtazapine amitriptyline diphenhydramine benadryl "
    "antipsychotic antipsychotics metoclopramide",
    "generic": "opioid opioids oxycodone tramadol codeine methadone morphine clonazepam "
    "diazepam benzo benzodiazepine zopiclone zolpidem melatonin magnesium ibuprofen "
    "paracetamol acetaminophen aspirin naproxen quinine cbd supplement supplements vitamin "
    "vitamins medicine medicines medication medications pill pills tablet tablets capsule "
    "capsules drug drugs dose doses dosage patch prescription mg",
}
MEDICINES: dict[str, str] = {
    name: cls for cls, names in _MEDICINE_CLASSES.items() for name in names.split()
}
# Words whose typos we repair: named medicines, and the key crisis / red-flag words.
_FUZZY_TARGETS = (
    *(name for name, cls in MEDICINES.items() if len(name) >= 6 and cls != "generic"),
    *("suicide", "suicidal", "myself", "overdose", "hopeless", "weakness", "numbness"),
    *("disappear", "bladder", "lethal"),
    "swollen",
)

_PILL = re.compile(r"\b(pills?|tablets?|capsules?|medicines?|doses?|patch|patches)\b")
_QUANTITY = re.compile(r"\b\d+(\.\d+)? ?(mg|mcg|micrograms?|milligrams?|ug|ml)\b")
_AMOUNT = re.compile(
    r"\b(how much|how many|how often|what dose|which dose|what dosage|what strength|maximum|"
    r"max|too much|too many|too high|too low|safe dose|right dose|correct dose|normal dose|"
    r"usual dose|starting dose|extra|double|half)\b"
)
_ACTION = re.compile(
    r"\b(should|can|could|may|shall|must|would|need to|have to|is it (ok|okay|safe|fine|alright"
    r"|bad|wise|dangerous) to|ok to|okay to|safe to|want to|going to|thinking (of|about)"
    r"|planning (to|on)|allowed to|how do i|how should i|when should i|when can i|when do i"
    r"|better to|do)( (i|we|you|he|she|they|my \w+))?( (just|really|maybe|still|safely|now"
    r"|also|then|simply|actually))? (take|taking|stop|stopping|start|starting|quit|quitting|switch"
    r"|switching|change|changing|increase|increasing|decrease|reduce|reducing|lower|lowering"
    r"|raise|up|double|doubling|halve|skip|skipping|split|cut|cutting|combine|mix|come off"
    r"|coming off|get off|wean|taper|tapering|try|use|swap|replace|drop|add|go off|go on|be on"
    r"|continue|keep taking|move)\b"
)
_DOSE_WORD = re.compile(r"\b(dose|doses|dosage|dosing|titrat\w*|taper\w*)\b")
_FIRST_PERSON = re.compile(r"\b(i|my|me|mine)\b")
# A question or a request for advice: a leading question word, or a cue anywhere.
_ASKING = re.compile(
    r"^(is|are|am|do|does|did|can|could|should|would|will|may|what|which|how|when|why)\b"
    r"|\b(should|can i|could i|may i|is it|is that|is this|what|which|how|ok to|okay to"
    r"|safe to|allowed to|want to|going to|thinking|planning|need to|do i)\b"
)
# Dosing even with no medicine named: "what should i take", "how much should i take",
# "what dose is right", "can you prescribe me something".
_PRESCRIBE = re.compile(
    r"\bwhat (should|can|could|do) i take\b|\bprescribe (me|something|anything)\b"
    r"|\bhow (much|many|often)( \w+)?( \w+)? (should|can|could|do|shall|must) i take\b"
    r"|\b(what|which|right|correct|max|maximum|safe|usual|normal|starting) (dose|dosage)\b"
    r"|\bgive me (some |a |any )?(medicine|medication|pills?|tablets?|drugs?|prescription"
    r"|something)\b|\b(can|should|could|may) i take (one|two|three|another|more|a second"
    r"|an extra|extra|half|a double)\b"
)
# Interactions: "can i drink coffee on ropinirole" (only counts with a medicine named).
_WHILE_ON = re.compile(
    r"\b(can|should|could|may|is it (ok|okay|safe) to) (i )?(drink|eat|have|drive|use|mix)\b"
    r".*\b(on|with|while)\b"
)
_OVERDOSED = re.compile(r"\b(overdosed|od d|(took|taken|had) an (overdose|od))\b")
# Taken already (past tense), more than meant: the overdose reply, whatever else is asked.
_TOOK_TOO_MUCH = re.compile(
    r"\b(took|taken|swallowed|had|used|put on)\b( \w+){0,5} (too much|too many|extra|double"
    r"|twice|more than|instead of|by mistake|by accident|a second)\b"
    r"|\b(accidentally|mistakenly|by mistake) (took|taken|swallowed|had|doubled|used)\b"
    r"|\b(swallowed|ate|eaten|got into|chewed( on)?)( (some|all|a few|several|a lot|lots|one"
    r"|two|three|four|five|\d+|of|my|his|her|their|the|your|a|an|whole|extra))* " + _PILLS + r"\b"
    r"|\b(took|taken|swallowed|had|used) (the whole|the entire|all (of )?(my|the|his|her)"
    r"|every)\b"
)


@lru_cache(maxsize=4096)
def _repair(word: str) -> str:
    """Fix typos in the few words the checks depend on ("suicidel", "pramipexol")."""
    if len(word) < 5 or not word.isalpha():
        return word
    choices = [t for t in _FUZZY_TARGETS if t[0] == word[0]]  # typos rarely hit letter 1
    best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=80.0)
    return best[0] if best else word


def prepare(text: str) -> str:
    """Normalised text with typos in safety-relevant words repaired."""
    return " ".join(_repair(w) for w in normalise(text).split())


def crisis_phrases(norm: str) -> tuple[bool, bool]:
    """(any crisis phrase, every one of them negated). Overlapping phrases are all looked at:
    "i am not ok i want to die" has one that is not negated."""
    found = negated = 0
    for start in range(len(norm)):
        if start and norm[start - 1] != " ":
            continue
        match = _CRISIS.match(norm, start) or _CRISIS_MEDICINE.match(norm, start)
        if match is None:
            continue
        found += 1
        negated += bool(_NEGATED_BEFORE.search(norm[:start]))
    return found > 0, found > 0 and negated == found


def is_crisis(norm: str) -> bool:
    return bool(_CRISIS.search(norm) or _CRISIS_MEDICINE.search(norm))


def took_too_much(norm: str) -> bool:
    """An overdose already taken ("took 3 extra pills", "my toddler swallowed my tablets")."""
    if _OVERDOSED.search(norm):
        return True
    medicine = bool(medicine_classes(norm) or _PILL.search(norm))
    return medicine and bool(_TOOK_TOO_MUCH.search(norm))


def is_red_flag(norm: str) -> bool:
    if _ALWAYS_URGENT.search(norm):
        return True
    leg = re.search(_LEG, norm) is not None
    if leg and _SWOLLEN.search(norm):
        return True
    if leg and _INFLAMED.search(norm) and _PAIN.search(norm) and _ONE_SIDE.search(norm):
        return True
    return bool(_SUDDEN.search(norm) and _DEFICIT.search(norm))


def medicine_classes(norm: str) -> frozenset[str]:
    """Classes of the medicines named in the text ("generic" for unnamed ones)."""
    classes = {MEDICINES[w] for w in norm.split() if w in MEDICINES}
    if _QUANTITY.search(norm):
        classes.add("generic")
    return frozenset(classes)


def is_dosing(raw: str, norm: str, classes: frozenset[str]) -> bool:
    """A question about amounts, or about starting/stopping/changing a medicine."""
    asking = "?" in raw or _ASKING.search(norm) is not None
    if not asking:
        return False
    if _QUANTITY.search(norm) or _PRESCRIBE.search(norm):
        return True
    if classes and (_ACTION.search(norm) or _AMOUNT.search(norm) or _WHILE_ON.search(norm)):
        return True
    return bool(_DOSE_WORD.search(norm) and _FIRST_PERSON.search(norm))


def check(text: str, t: Texts, lines: HelpLines = INTERNATIONAL) -> Reply | None:
    """The safety reply for ``text`` (in the language of `t`, with the help lines of the
    user's country), or None when it is an ordinary question. The checks read the English
    patterns above, then every other language's (bot/faq/safety_languages.py), whatever the
    reply's language. Order: crisis (a negated one gets the lines too), overdose taken, red
    flags, dosing."""
    norm = prepare(text)
    crisis, negated = crisis_phrases(norm)
    if crisis:
        return negated_reply(t, lines) if negated else crisis_reply(t, lines)
    if took_too_much(norm):
        return overdose_reply(t, lines)
    if is_red_flag(norm):
        return urgent_reply(t, lines)
    classes = medicine_classes(norm)
    if is_dosing(text, norm, classes):
        return dosing_reply(classes, t)
    return _in_other_languages(text, classes, t, lines)


def _in_other_languages(
    text: str, classes: frozenset[str], t: Texts, lines: HelpLines
) -> Reply | None:
    """The other languages' checks; a medicine named (its name is the same in most
    languages) still brings its safe facts to a dosing decline."""
    match alarm(text):
        case Alarm.CRISIS:
            return crisis_reply(t, lines)
        case Alarm.OVERDOSE:
            return overdose_reply(t, lines)
        case Alarm.RED_FLAG:
            return urgent_reply(t, lines)
        case Alarm.DOSING:
            return dosing_reply(classes, t)
    return None
