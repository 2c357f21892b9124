"""German safety phrases: crisis, an overdose already taken, red flags, dosing questions.

Each pattern is matched with ``.search()`` against ``fold(text)`` (NFKC, casefolded, one
space between words: "ß" is "ss", umlauts stay). Umlauts may be typed as ae/oe/ue or left
out ("muede", "mude"), so every umlaut in the patterns below accepts all three.

They are explicit phrases, never single scary words: "meine Beine bringen mich um",
"todmüde" and "ich sterbe vor Müdigkeit" are ordinary RLS talk. Where a check needs two
things together (a leg *and* swelling, a question *and* a medicine), the pattern says so
with lookaheads from the start of the text.
"""

from __future__ import annotations

import re
import unicodedata

_UMLAUT_CLASSES = {"ä": "(?:ä|ae|a)", "ö": "(?:ö|oe|o)", "ü": "(?:ü|ue|u)"}


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _de(*parts: str) -> re.Pattern[str]:
    """One pattern from alternatives written with umlauts; each umlaut accepts ae/oe/ue
    and the bare vowel too."""
    joined = "|".join(parts)
    for umlaut, spelled in _UMLAUT_CLASSES.items():
        joined = joined.replace(umlaut, spelled)
    return re.compile(joined)


_FILL = r"(?:(?:einfach|nur|nur noch|lieber|am liebsten|endlich|jetzt|gerade|manchmal|echt"
_FILL += r"|wirklich|so|halt|eigentlich|bald|heute|nicht mehr länger) )*"
_WANT = r"(?:will|wollte|möchte|möcht|mag|würde|wünschte|wünsche|wünsch|hoffe)"

CRISIS = _de(
    r"(?<!nicht )(?<!keine )(?<!kein )\bsü?i?zid",
    r"(?<!nicht )(?<!keine )(?<!kein )\bselbstmor[dt]",
    r"\bfreitod\b",
    r"\blebensmüde\b",
    # killing or hurting myself
    r"\bich (?:will|möchte|werde|würde|könnte|sollte|muss) mich (?:\w+ ){0,2}"
    r"(?:umbringen|töten|erhängen|aufhängen|vergiften)\b",
    r"\b(?:will|möchte|werde|würde) mich (?:selbst |einfach )?(?:umbringen|töten|erhängen"
    r"|aufhängen|vergiften)\b",
    r"\bmich (?:selbst )?(?:umzubringen|zu töten|zu erhängen|aufzuhängen|zu vergiften)\b",
    r"\bich bring(?:e)? mich (?:\w+ )?um\b",
    r"\bmir (?:\w+ )?(?:das|mein) leben (?:zu )?nehmen\b",
    r"\bmir (?:\w+ )?(?:etwas|was) (?:an ?tun|anzutun|antue)\b",
    r"\bmich (?:selbst )?(?:zu )?(?:verletzen|ritzen)\b(?! beim)",
    r"\bselbstverletz",
    r"\bich ritze mich\b",
    # wanting to die, not to live any more, not to wake up
    r"\b" + _WANT + r",? " + _FILL + r"(?:ich )?(?:sterben|tot sein|tot wäre|tot wär)\b",
    r"\b" + _WANT + r",? (?:mir )?(?:den tod|tot zu sein|ich wäre tot|ich wär tot)\b",
    r"\b(?:sterben|tot sein) (?:will|möchte|wollen|möchten)\b",
    r"\b(?:wäre|wär|bin) (?:ich )?(?:doch |lieber |besser |einfach )+tot\b",
    r"\bnicht mehr (?:weiter ?)?leben (?:will|möchte|mag|kann|wollen)\b",
    r"\b(?:will|möchte|mag|kann) "
    + _FILL
    + r"nicht mehr (?:weiter ?)?(?:leben|da sein|existieren)\b",
    r"\bnicht mehr weiterleben\b",
    r"\bich (?:will|mag) (?:einfach |echt |wirklich )?nicht mehr\W*$",
    r"\bkeine (?:lust|kraft) mehr (?:zu leben|auf (?:das|mein) leben|aufs leben)\b",
    r"\bkein bock mehr (?:zu leben|auf (?:das|mein) leben|aufs leben)\b",
    r"\b(?:kein|keinen) (?:sinn|grund) mehr (?:zu leben|weiterzuleben|weiterzumachen|im leben)\b",
    r"\b(?:das leben|mein leben|leben|alles|es) (?:hat|macht|ergibt) (?:\w+ ){0,2}"
    r"keinen sinn mehr\b",
    r"\b(?:das leben|mein leben|leben) (?:ist )?(?:nicht|nicht mehr|kaum) (?:mehr )?lebenswert\b",
    r"\bhoffnungslos",
    r"\bkeine hoffnung mehr\b",
    r"\b" + _WANT + r"\b.{0,30}\b(?:nicht mehr|nie wieder|nie mehr) aufzuwachen\b",
    r"\b" + _WANT + r"\b.{0,30}\b(?:nicht mehr|nie wieder|nie mehr) aufwach",
    r"\b(?:hoffe|hoffentlich|wünschte|wünsche)\b.{0,20}\bwache? (?:\w+ )?(?:nicht mehr|nie wieder"
    r"|nie mehr) auf\b",
    r"\beinschlafen und (?:nie wieder|nie mehr|nicht mehr) aufwachen\b",
    r"\bfür immer (?:schlafen|einschlafen)\b",
    r"\b(?:alles|mein leben|dem ganzen|allem|meinem leben) (?:\w+ )?(?:beenden|ein ende (?:setzen"
    r"|machen|bereiten))\b",
    r"\bmit (?:dem|meinem) leben (?:abgeschlossen|schluss machen)\b",
    r"\b(?:alle|jeder|allen|die welt|alle anderen|meine familie) (?:wäre|wären|ist|sind) (?:\w+ )?"
    r"besser (?:dran )?ohne mich\b",
    r"\b(?:niemand|keiner|keinem) (?:würde|wird) mich (?:\w+ )?vermissen\b",
    r"\b(?:vom|von einem|von der) (?:dach|hochhaus|brücke|balkon) springen\b",
    r"\bvor (?:den|einen|die) (?:zug|bahn|lkw|auto) (?:werfen|springen|laufen)\b",
    # self-harm through medicines
    r"\b(?:will|möchte|werde|überlege|denke daran|plane) (?:\w+ ){0,2}(?:eine )?überdosis\b",
    r"\balle (?:meine |die |meiner )?(?:\w+ )?(?:tabletten|pillen|kapseln|medikamente) "
    r"(?:auf einmal|zusammen|gleichzeitig) (?:zu )?(?:nehmen|schlucken|einwerfen)\b",
    r"\b(?:tödliche|letale) (?:dosis|menge)\b",
    r"\bwie (?:viele|viel) (?:\w+ ){0,4}(?:bis|um zu|damit) (?:ich )?(?:sterbe|sterben|tot bin"
    r"|nicht mehr aufwache)\b",
    r"\b(?:sammle|horte|bunkere|spare) (?:\w+ ){0,2}(?:tabletten|pillen|medikamente)\b",
)

_PILLS = (
    r"(?:tablette|tabletten|pille|pillen|kapsel|kapseln|medikament|medikamente|medikamenten"
    r"|medis|dosis|dosen|packung|schachtel|pflaster|tropfen|schlaftabletten|pramipexol|sifrol"
    r"|ropinirol|requip|rotigotin|neupro|levodopa|l-dopa|restex|madopar|gabapentin|pregabalin"
    r"|lyrica|tilidin|tramadol|oxycodon|targin|codein|zopiclon|zolpidem|diazepam|clonazepam"
    r"|rivotril|melatonin|ibuprofen|paracetamol|aspirin|eisentabletten|eisentablette"
    r"|antidepressiva|\w+tabletten|\w+tablette)"
)
_TOOK = r"(?:genommen|eingenommen|geschluckt|erwischt|gegessen|verschluckt|aufgeklebt|eingeworfen)"
_TOO_MUCH = (
    r"(?:zu viele|zu viel|doppelte|doppelt|zweimal|zwei mal|nochmal|noch einmal|versehentlich"
    r"|aus versehen|die ganze|eine ganze|den ganzen|die halbe|den rest|mehr als)"
)
_CHILD_TOOK = r"(?:geschluckt|gegessen|verschluckt|erwischt|gekaut|in den mund gesteckt)"
_CHILD = (
    r"(?:kind|kinder|kleine|kleiner|sohn|tochter|enkel|enkelin|enkelkind|baby|kleinkind"
    r"|kleinen|sohnemann|junge|mädchen)"
)

OVERDOSE = _de(
    r"\büberdosis (?:\w+ )?(?:genommen|geschluckt|erwischt|gehabt)\b",
    r"\b(?:habe|hab|hat|hatte) (?:mir |ihm |ihr )?eine überdosis\b",
    r"\büberdosiert\b",
    r"\b" + _TOO_MUCH + r" (?:\w+ ){0,3}" + _PILLS + r"\b(?: \w+){0,3} " + _TOOK + r"\b",
    r"\b" + _PILLS + r"\b(?: \w+){0,3} " + _TOO_MUCH + r"(?: \w+){0,2} " + _TOOK + r"\b",
    r"\bstatt (?:einer|eine|einem|1|der|dem|zwei|2)\b(?: \w+){0,3} " + _TOOK + r"\b",
    r"\b(?:versehentlich|aus versehen)\b(?: \w+){0,4} (?:doppelt|zweimal|zwei mal|nochmal"
    r"|noch einmal|zu viel|zu viele)\b",
    r"\balle (?:\w+ ){0,2}" + _PILLS + r" (?:auf einmal|auf ex|zusammen) " + _TOOK + r"\b",
    r"\b" + _CHILD + r"\b(?: \w+){0,8}? " + _PILLS + r"\b(?: \w+){0,4}? " + _CHILD_TOOK + r"\b",
    r"\b" + _CHILD + r"\b(?: \w+){0,4}? " + _CHILD_TOOK + r"\b(?: \w+){0,2}? " + _PILLS + r"\b",
)

_LEG = r"\b(?:bein|beine|beinen|beins|wade|waden|unterschenkel|oberschenkel|knöchel|fuss|füsse"
_LEG += r"|fuß|füße|knie|kniekehle)\b"
_LEG_UPPER = r"\b(?:bein|beine|beinen|beins|wade|waden|unterschenkel|oberschenkel|kniekehle)\b"
_SWOLLEN = r"\b(?:geschwollen\w*|angeschwollen\w*|schwellung\w*|schwillt|aufgequollen\w*|dicker)\b"
_INFLAMED = (
    r"\b(?:rot|rote|roter|rotes|roten|gerötet\w*|rötung|hei(?:ss|s)|hei(?:ss|s)e|hei(?:ss|s)er"
    r"|hei(?:ss|s)es|überwärmt\w*|entzündet\w*|(?:ist|sind|fühlt sich) (?:ganz )?warm)\b"
)
_PAIN = r"\b(?:schmerz\w*|tut (?:\w+ )?weh|weh|druckempfindlich|schmerzhaft|schmerzt)\b"
_ONE_SIDE = (
    r"\b(?:einseitig\w*|eine seite|einer seite|linke|linken|linkes|linker|rechte|rechten|rechtes"
    r"|rechter|links|rechts|nur (?:\w+ )?(?:ein|eine|einem|einer)|eine wade|einer wade)\b"
)
_SUDDEN = r"\b(?:plötzlich\w*|schlagartig|aus heiterem himmel|von jetzt auf gleich|urplötzlich)\b"
_DEFICIT = (
    r"\b(?:schwach|schwäche|taub|taubheit\w*|gelähmt|lähmung\w*|kraftlos|kein gefühl"
    r"|nicht mehr (?:bewegen|spüren|heben)|hängt herunter|herabhängend\w*|verwaschen\w*)\b"
)

RED_FLAG = _de(
    r"^(?=.*" + _LEG + r")(?=.*" + _SWOLLEN + r")",
    r"^(?=.*"
    + _LEG_UPPER
    + r")(?=.*"
    + _INFLAMED
    + r")(?=.*(?:"
    + _PAIN
    + r"|"
    + _ONE_SIDE
    + r"))",
    r"" + _SUDDEN + r".{0,60}" + _DEFICIT,
    _DEFICIT + r".{0,40}" + _SUDDEN,
    # bladder or bowel
    r"\bkontrolle (?:über|der|von) (?:meine |die |meiner |meinen )?(?:blase|darm|stuhl|urin)\b",
    r"\b(?:blase|darm|urin|wasser|stuhl|stuhlgang) (?:\w+ ){0,3}nicht (?:mehr )?"
    r"(?:halten|kontrollieren)\b",
    r"\binkontinen\w*",
    r"\b(?:in die hose|ins bett) (?:gemacht|gepinkelt|uriniert)\b",
    r"\beingenässt\b",
    # chest and breathing
    r"\bbrustschmerz\w*",
    r"\bschmerzen (?:in der|in meiner|an der) brust\b",
    r"\b(?:druck|engegefühl|enge|stechen|stiche) (?:auf|in|an) der brust\b",
    r"\bbrust (?:tut (?:\w+ )?weh|schmerzt|drückt|brennt|ist eng)\b",
    r"\b(?:atemnot|luftnot|kurzatmig\w*|atembeschwerden)\b",
    r"\b(?:bekomme|bekam|kriege|krieg|kriegte) (?:\w+ ){0,2}(?:keine|kaum) luft\b",
    r"\b(?:kann|konnte) (?:\w+ ){0,2}(?:nicht|kaum) (?:mehr )?(?:richtig )?atmen\b",
    r"\b(?:schwer|mühsam) (?:zu )?atmen\b",
    r"\b(?:ringe|schnappe) nach luft\b",
    r"\b(?:gesicht|mundwinkel) (?:\w+ )?(?:hängt|hängen)\b",
)

_MEDICINE = (
    r"\b(?:medikament\w*|medis|tablette\w*|pille\w*|kapsel\w*|dosis|dosierung|pflaster|tropfen"
    r"|mg|milligramm|\d+ ?mg|pramipexol|sifrol|mirapex|ropinirol|requip|adartrel|rotigotin|neupro"
    r"|levodopa|l-dopa|restex|madopar|gabapentin|neurontin|pregabalin|lyrica|eisen"
    r"|eisentablette\w*|eisenpräparat\w*|eiseninfusion\w*|ferro\w*|magnesium|opioid\w*|oxycodon"
    r"|targin|tilidin|tramadol|codein|clonazepam|rivotril|melatonin|baldrian|chinin|limptar"
    r"|ibuprofen|paracetamol|agonist\w*|antidepressiv\w*|antihistamin\w*|schlaftablette\w*)\b"
)
_ASK = (
    r"(?:\?|^(?:soll|sollte|darf|kann|könnte|muss|ist|wie|was|welche|welcher|welches|wann|hilft"
    r"|bringt|lohnt)\b|\b(?:soll ich|sollte ich|darf ich|kann ich|könnte ich|muss ich|müsste ich"
    r"|ist es (?:ok|okay|sinnvoll|gefährlich|schlimm|sicher|besser|in ordnung)|wie viel|wieviel"
    r"|wie oft|frage mich|weiß nicht ob|was meinst du|was meinen sie|was raten sie|was rätst du)\b)"
)
_VERB = (
    r"(?:nehmen|einnehmen|zu nehmen|einzunehmen|absetzen|abzusetzen|weglassen|reduzieren|verringern"
    r"|erhöhen|steigern|verdoppeln|halbieren|teilen|ausschleichen|wechseln|umsteigen|umstellen"
    r"|anfangen|beginnen|aufhören|kombinieren|probieren|ausprobieren|pausieren|weiternehmen"
    r"|ersetzen|hochgehen|runtergehen|ändern|auslassen|anpassen|nachnehmen|draufkleben"
    r"|aufkleben|dazunehmen|dazu nehmen|anzufangen|aufzuhören|zu erhöhen|zu reduzieren)"
)
_ACTION = (
    r"\b(?:soll|sollte|sollten|darf|dürfte|kann|könnte|muss|müsste|lieber|besser|ok|okay|sinnvoll"
    r"|gefährlich|schlimm|sicher|erlaubt|möglich|wann)\b.{0,60}\b" + _VERB + r"\b"
)
_AMOUNT = (
    r"\b(?:wie viel|wieviel|wie viele|wie oft|welche dosis|welche menge|wie hoch|höchstdosis"
    r"|maximaldosis|tageshöchstdosis|zu viel|zu hoch|zu niedrig|doppelte|doppelt|halbe|extra"
    r"|zusätzlich|noch eine|noch eins|eine zweite|eine weitere)\b"
)
_DIRECT = (
    r"\bwas (?:soll|sollte|kann|könnte|darf) ich (?:\w+ ){0,3}(?:nehmen|einnehmen)\b"
    r"|\bwie (?:viel|viele) (?:\w+ ){0,4}(?:soll|sollte|darf|kann|muss) ich (?:\w+ ){0,3}"
    r"(?:nehmen|einnehmen)\b"
    r"|\b(?:welche|richtige|maximale|übliche|normale) (?:dosis|dosierung)\b"
    r"|\bverschreib\w* (?:sie|du) mir\b|\b(?:sie|du) (?:mir )?(?:etwas|was) verschreiben\b"
    r"|\b\d+(?:[.,]\d+)? ?(?:mg|mikrogramm|µg|milligramm)\b"
)

DOSING = _de(
    r"^(?=.*" + _ASK + r")(?:(?=.*" + _MEDICINE + r")(?=.*(?:" + _ACTION + r"|" + _AMOUNT + r"))"
    r"|(?=.*(?:" + _DIRECT + r"))"
    r"|(?=.*\b(?:dosis|dosierung|dosieren|eindosieren|aufdosieren)\b)(?=.*\b(?:ich|mein\w*|mir"
    r"|mich)\b))",
)
