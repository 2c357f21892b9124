"""Spanish safety phrases: crisis, an overdose already taken, red flags, dosing questions.

Four compiled patterns, each matched with ``.search()`` against :func:`fold` of what the
user typed (casefolded, NFKC, one space between words; accents are kept, and every
accented letter in a pattern also accepts its plain form, since people type "suicidio",
"dejé" or "deje" as their phone lets them).

Like the English patterns (bot/faq/safety.py), these are explicit phrases, never single
scary words: "las piernas me están matando", "muerto de cansancio" or "me muero de sueño"
are ordinary RLS talk and match nothing. A note such as "tomé 0,25 mg de pramipexol a las
22:00" is a record, not a question, and is not DOSING.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["CRISIS", "DOSING", "OVERDOSE", "RED_FLAG", "fold"]


def fold(text: str) -> str:
    """What the patterns read: NFKC, casefolded, one space between words, accents kept."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


_PLAIN = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ñ": "n", "ü": "u"}


def _accents_optional(pattern: str) -> str:
    """Each accented letter written in a pattern also matches without its accent."""
    return "".join(f"[{ch}{_PLAIN[ch]}]" if ch in _PLAIN else ch for ch in pattern)


def _compile(*phrases: str) -> re.Pattern[str]:
    return re.compile(_accents_optional("|".join(f"(?:{p})" for p in phrases)))


# Medicines and the things they come in, for taking too many and for dosing questions.
_NAMED = str.split(
    "pramipexol pramipexole mirapexin sifrol ropinirol requip rotigotina neupro levodopa "
    "sinemet madopar carbidopa gabapentina neurontin horizant pregabalina lyrica "
    "sertralina citalopram escitalopram fluoxetina prozac mirtazapina amitriptilina "
    "difenhidramina oxicodona tramadol codeina metadona morfina clonazepam rivotril "
    "diazepam valium lorazepam orfidal alprazolam trankimazin zolpidem stilnox zopiclona "
    "melatonina ibuprofeno paracetamol aspirina naproxeno metamizol nolotil quinina hierro "
    "magnesio"
)
_PILLS = (
    r"(?:pastillas?|pastillitas?|píldoras?|comprimidos?|cápsulas?|tabletas?|grageas?|"
    r"parches?|gotas|dosis|medicamentos?|medicinas?|fármacos?|somníferos?|calmantes?|"
    r"analgésicos?|codeína|antidepresivos?|ansiolíticos?|tranquilizantes?|caja|blíster|frasco|bote|"
    + "|".join(_NAMED)
    + r")"
)
_QUANTITY = r"\b\d+(?:[.,]\d+)? ?(?:mg|mcg|µg|ug|miligramos?|microgramos?|ml)\b"

# Suicide, self-harm, wanting to die or not to live (also through medicines).
CRISIS = _compile(
    r"\bsuí?[cs]id",  # suicidio, suicidarme, suicida, "suisidio", "sucidio"
    r"\bautolesi",
    r"\bquitarme la vida\b|\bquitarme de en medio\b",
    r"\bmatarme\b|\bme (?:quiero|voy a|podría|pienso|quisiera) matar\b",
    r"\b(?:acabar|terminar|terminar de una vez) con (?:mi vida|mi existencia)\b",
    r"\b(?:acabar|terminar) con todo\b(?! (?:lo|esto) de las piernas)",
    r"\b(?:quiero|quisiera|deseo|me gustaría|prefiero|preferiría) (?:morirme|morir|estar "
    r"muert[oa]|no existir|dejar de existir|desaparecer)\b",
    r"\bme quiero morir\b|\bme quisiera morir\b|\bme gustaría morirme\b",
    r"\bojalá (?:me muriera|me muera|estuviera muert[oa]|no despertara|no me despertara|"
    r"no hubiera nacido|no existiera)\b",
    r"\bno quiero (?:seguir )?(?:vivir|viviendo|existir|despertar(?:me)?|estar aquí|seguir "
    r"aquí|seguir adelante)\b",
    r"\bno (?:quiero|tengo ganas de) seguir (?:así|con esta vida|más)\b",
    r"\b(?:la vida|vivir|mi vida) no (?:vale|merece) la pena\b",
    r"\bno (?:vale|merece) la pena (?:vivir|seguir)\b",
    r"\bno (?:le )?(?:veo|tiene|encuentro) (?:ningún )?sentido (?:a )?(?:la vida|vivir|"
    r"mi vida|seguir)\b",
    r"\b(?:no tengo|he perdido|perdí|sin) (?:ya )?(?:ninguna |toda )?(?:la )?esperanza\b",
    r"\bno hay esperanza\b|\bdesesperanza\b",
    r"\bno tengo (?:nada )?por (?:lo )?que vivir\b",
    r"\b(?:hacerme|me hago|me hice|me he hecho) daño\b(?! (?:en|con|al) )",
    r"\bcortarme las venas\b|\bme (?:corto|corté|he cortado) (?:a propósito|las venas|los "
    r"brazos|las muñecas)\b",
    r"\b(?:ahorcarme|colgarme|tirarme (?:por|de|desde) (?:la ventana|un puente|el balcón|"
    r"la azotea)|tirarme (?:a|al|bajo) (?:las vías|un tren|un coche))\b",
    r"\b(?:estaría|estarían|estarían todos|están|estarían mejor) mejor sin mí\b",
    r"\b(?:mejor|preferiría estar) muert[oa]\b",
    r"\bnadie me (?:echaría|echará) de menos\b|\bnadie (?:lo )?notaría\b",
    r"\b(?:dormirme|dormir) y no (?:volver a )?despertar(?:me)?\b",
    r"\bno (?:volver|volverme) a despertar(?:me)?\b|\bno despertar nunca más\b",
    r"\bdesaparecer para siempre\b",
    r"\bme da igual (?:vivir o morir|morirme)\b|\bvivir o morir\b",
    r"\b(?:tomarme|tragarme|voy a tomar|quiero tomar|pienso tomar) (?:todas? )?(?:las |mis |"
    r"el |la )?(?:pastillas|caja|bote|frasco|blíster) (?:de golpe|juntas|enteras?|de una vez)\b",
    r"\b(?:tomarme|hacer|provocarme|voy a tomar|quiero tomar) una sobredosis\b",
    r"\b(?:dosis|cantidad) (?:mortal|letal)\b|\bcuántas? (?:pastillas )?(?:hacen falta |"
    r"harían falta )?para (?:morir|matarme|no despertar)\b",
)

# An overdose already taken: too many, by mistake, a child who swallowed tablets.
_TOOK = (
    r"\b(?:me (?:he )?(?:tomé|tomado|tragué|tragado|puse|puesto|metí|metido)|(?:he|ha|hemos|"
    r"han) (?:tomado|tragado)|tomé|tomó|tragué|tragó|se (?:ha )?(?:tomado|tomó|tragado|"
    r"tragó|comido|comió))\b"
)
OVERDOSE = _compile(
    r"\b(?:tuve|he tenido|tengo|hice|he hecho|tuvo|ha tenido) una sobredosis\b",
    _TOOK + r".{0,30}\b(?:una sobredosis|doble dosis|la dosis dos veces|dos veces la dosis|"
    r"dosis de más|dosis doble|el doble de (?:la dosis|lo)|toda la caja|la caja entera|"
    r"todo el (?:blíster|frasco|bote)|el (?:blíster|frasco|bote) entero|todas? (?:las|mis) "
    r"pastillas)",
    _TOOK + r".{0,30}\b(?:demasiad[oa]s?|de más|más de la cuenta|varias|un montón de|"
    r"muchas|muchos) " + r"(?:\w+ ){0,2}" + _PILLS,
    _TOOK + r".{0,30}" + _PILLS + r"\b.{0,40}\b(?:de más|en (?:vez|lugar) de|por error|"
    r"por equivocación|sin querer|demasiad[oa]s|más de la cuenta|de una vez|de golpe|juntas)",
    r"\b(?:por error|por equivocación|sin querer|sin darme cuenta|me equivoqué y|me confundí y)"
    r" (?:me )?(?:he )?(?:tomé|tomado|tragué|tragado|volví a tomar)\b.{0,40}(?:"
    + _PILLS
    + r"|el doble|otra vez|dos veces)",
    r"\bme (?:he )?pas(?:é|ado) (?:con|de) (?:la |las |el |los )?" + _PILLS,
    r"\b(?:niñ[oa]|hij[oa]|hijit[oa]|bebé|bebito|niet[oa]|pequeñ[oa]|crío|cría|nene|nena)"
    r"\b.{0,40}\bse (?:ha )?(?:tragado|tragó|comido|comió|tomado|tomó|metido en la boca)\b"
    r".{0,30}" + _PILLS,
    r"\bse (?:ha )?(?:tragado|tragó)\b.{0,30}" + _PILLS,
)

# Red flags that need care the same day, not a chatbot.
_LEG = (
    r"\b(?:pierna|piernas|pantorrillas?|gemelos?|muslos?|tobillos?|pies?|rodillas?|"
    r"pantorilla|pantorillas)\b"
)
_SWOLLEN = (  # "inchada": the silent h is often dropped
    r"\b(?:h?inchad[oa]s?|h?inchazón|inflamad[oa]s?|se (?:me )?(?:ha )?(?:h?inchado|h?inchó)|"
    r"se (?:me )?h?incha|abultad[oa]s?)\b"
)
_RED_OR_HOT = r"\b(?:roj[oa]s?|enrojecid[oa]s?|enrojecimiento|caliente|calientes|ardiendo)\b"
_PAIN = r"\b(?:dolor|duele|duelen|dolorid[oa]s?|doliendo|me mata de dolor|sensible)\b"
_ONE_SIDE = (
    r"\b(?:una|izquierd[oa]|derech[oa]|un solo lado|un lado|sola|solo una|pantorrillas?|"
    r"gemelos?|roj[oa]s?|enrojecid[oa]s?)\b"
)
_SUDDEN = (
    r"\b(?:de repente|de golpe|de pronto|repentin[oa]|súbit[oa]|súbitamente|repentinamente|"
    r"sin más|sin aviso|de un momento a otro)\b"
)
_DEFICIT = (
    r"\b(?:debilidad|débil|sin fuerza|perdí (?:la )?fuerza|pérdida de fuerza|entumecid[oa]s?|"
    r"entumecimiento|adormecid[oa]s?|paralizad[oa]s?|parálisis|no (?:puedo|pude) mover|"
    r"no (?:siento|sentía|noto) (?:la|el|mi|los|las)|cara (?:torcida|caída)|boca torcida|"
    r"no puedo hablar|hablo raro|arrastr(?:o|aba) las palabras)\b"
)
RED_FLAG = _compile(
    _LEG + r".{0,40}" + _SWOLLEN,
    _SWOLLEN + r".{0,40}" + _LEG,
    r"^(?=.*" + _LEG + r")(?=.*" + _RED_OR_HOT + r")(?=.*" + _PAIN + r")(?=.*" + _ONE_SIDE + ")",
    r"^(?=.*" + _SUDDEN + r")(?=.*" + _DEFICIT + ")",
    r"\b(?:dolor|dolores|opresión|presión|punzadas?|pinchazos?) (?:en el|en mi|del|de) pecho\b",
    r"\bme (?:duele|aprieta|oprime|pincha) (?:mucho )?el pecho\b",
    r"\b(?:me falta|me faltaba|falta de|sin) (?:el )?aire\b|\bno (?:puedo|podía) respirar\b",
    r"\bme cuesta respirar\b|\bdificultad (?:para|al) respirar\b|\bsensación de ahogo\b",
    r"\bme ahogo\b|\bme estoy ahogando\b|\brespiro (?:con dificultad|mal)\b",
    r"\b(?:perdí|pierdo|he perdido|perder|sin) (?:el )?control (?:de|sobre) (?:la |el |los |"
    r"mis? )?(?:vejiga|orina|pis|esfínteres|intestinos?|vientre)\b",
    r"\bno (?:controlo|puedo controlar|pude controlar|pude aguantar) (?:la |el |los )?"
    r"(?:orina|pis|vejiga|esfínteres|intestinos?|heces)\b",
    r"\bme (?:hice|he hecho|hago) (?:pis|pipí|caca) encima\b|\bme (?:orino|oriné|he orinado|"
    r"meo|meé|he meado) encima\b|\bincontinencia\b",
)

# Asking how much of a medicine to take, or whether to start, stop, raise or change one.
_MEDICINE = (
    r"\b(?:" + _PILLS[3:-1] + r"|agonistas?|suplementos?|vitaminas?|receta|tratamiento|"
    r"medicación)\b"
)
_SHOULD = (
    r"\b(?:debo|debería|deberia|puedo|podría|tengo que|hay que|habría que|me conviene|"
    r"conviene|es (?:bueno|malo|seguro|peligroso|mejor)|está bien|vale la pena|sería bueno|"
    r"qué pasa si|y si|me recomiendas|recomiendas|aconsejas|me aconsejas|sería mejor|"
    r"quiero|pienso)\b"
)
_VERB = (
    r"(?:tomar|dejar|suspender|empezar|comenzar|iniciar|subir|aumentar|bajar|reducir|cambiar|"
    r"doblar|duplicar|partir|mezclar|combinar|retirar|quitar|probar|añadir|sustituir|"
    r"cambiarme|pasarme|volver a tomar|seguir tomando|saltarme|tomarme)(?:me|lo|la|los|las|"
    r"le)?\b"
)
DOSING = _compile(
    _SHOULD + r"(?: \w+){0,2} " + _VERB + r".{0,40}" + _MEDICINE,
    _MEDICINE + r".{0,40}" + _SHOULD + r"(?: \w+){0,1} " + _VERB,
    r"\bcuánt[oa]s? (?:\w+ ){0,4}(?:debo|debería|puedo|podría|tengo que|hay que|me tomo|"
    r"tomo|tomar|se toma|se puede tomar)\b",
    r"\b(?:qué|cuál es la|cuál sería la|la) dosis\b|\bdosis (?:máxima|correcta|adecuada|"
    r"normal|habitual|recomendada|inicial|segura)\b",
    r"\bqué (?:me )?(?:puedo|debo|debería|podría)? ?(?:tomar|tomo|me tomo)\b",
    r"\b(?:recétame|me (?:puedes|podrías) recetar|me recetas|receta(?:me)? algo)\b",
    r"¿.{0,30}\b(?:subo|bajo|aumento|reduzco|cambio|doblo|duplico|dejo|suspendo|empiezo|"
    r"tomo|quito)\b.{0,30}" + _MEDICINE,
    r"\b(?:subo|bajo|aumento|reduzco|doblo|duplico|suspendo) (?:la |el |las |los )?(?:dosis|"
    r"medicación|" + "|".join(_NAMED) + r")\b",
    r"^(?=.*" + _QUANTITY + r")(?=.*(?:\?|¿|es mucho|es poco|es demasiado|es normal|está bien|"
    r"debo|debería|puedo))",
)
