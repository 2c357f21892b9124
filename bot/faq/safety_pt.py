"""Safety phrases in Brazilian Portuguese, for the checks in bot/faq/safety.py.

Four patterns, each searched (``.search()``) in the folded text::

    fold(text) = " ".join(unicodedata.normalize("NFKC", text).casefold().split())

Accents are kept by the fold, so every accented letter here also accepts its plain spelling
("não" / "nao", "remédio" / "remedio", "três" / "tres"), as people type on a phone at night.

Like the English ones, the patterns are explicit phrases, never single scary words: "minhas
pernas estão me matando", "morto de cansaço", "morrendo de sono" and "não aguento mais essas
pernas" are ordinary RLS talk. Dosing needs a question ("devo", "posso", "quanto", "qual
dose") about a medicine: "tomei 0,25 mg de pramipexol às 22h" is a record, not a question.
"""

from __future__ import annotations

import re

_LOOSE = {
    "á": "[aáàâã]", "à": "[aáàâã]", "â": "[aáàâã]", "ã": "[aáàâã]", "é": "[eéê]", "ê": "[eéê]",
    "í": "[ií]", "ó": "[oóôõ]", "ô": "[oóôõ]", "õ": "[oóôõ]", "ú": "[uúü]", "ç": "[cç]",
}  # fmt: skip


def _loose(pattern: str) -> str:
    """Each accented letter (written outside [...] classes) also matches its plain form."""
    return "".join(_LOOSE.get(ch, ch) for ch in pattern)


def _compile(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_loose(a)})" for a in alternatives))


# Medicines and what they come in; names as written in Brazil (and the brand names).
_NAMED_MEDICINES = (
    "pramipexol", "sifrol", "mirapex", "ropinirol", "requip", "rotigotina", "neupro",
    "levodopa", "prolopa", "sinemet", "carbidopa", "gabapentina", "neurontin", "pregabalina",
    "lyrica", "clonazepam", "rivotril", "diazepam", "alprazolam", "zolpidem", "stilnox",
    "sertralina", "citalopram", "escitalopram", "fluoxetina", "mirtazapina", "amitriptilina",
    "tramadol", "tramal", "codeína", "oxicodona", "morfina", "metadona", "paracetamol",
    "tylenol", "dipirona", "ibuprofeno", "aspirina", "melatonina", "quinino", "ferro",
    "sulfato ferroso",
)  # fmt: skip
_PILLS = (
    "(?:remédios?|medicamentos?|medicação|comprimidos?|pílulas?|cápsulas?|drágeas?|doses?"
    "|gotas|cartelas?|caixas?|frascos?|vidros?|adesivos?|tarja preta|calmantes?"
    "|" + "|".join(_NAMED_MEDICINES) + ")"
)
_MED = "(?:" + _PILLS[3:-1] + "|dosagem|mg|miligramas?|mcg)"
_ME = "(?:me|se)"
_WANT = (
    "(?:quero|queria|vou|vontade de|desejo de|penso em|pensando em|pensei em|pensamentos? de"
    "|ideia de|planejo|planejando|tentar|tentei|decidi|resolvi|coragem de|preciso|prefiro"
    "|preferia|gostaria de)"
)

CRISIS = _compile(
    r"\bsuí?(?:c|ss|s)í?d",  # suicídio, suicidar, suicida, suissidio
    rf"\b{_WANT} {_ME} (?:matar|suicidar)\b(?! de (?:rir|tanto|trabalhar|estudar|correr))",
    r"\bmatar a mim mesm[oa]\b",
    r"\bauto ?(?:mutila|lesão|agressão|extermínio)",
    rf"\b{_WANT} {_ME} (?:machucar|cortar|ferir|mutilar|enforcar|jogar)\b",
    r"\bme (?:cortei|cortando|machuquei|machucando|feri|ferindo) (?:de propósito|por querer)",
    r"\b(?:quero|queria|vontade de|desejo|prefiro|preferia|só penso em) (?:morrer|estar mort[oa]"
    r"|não existir|sumir para sempre|sumir pra sempre|desaparecer|sumir)\b"
    r"(?! de (?:rir|vergonha|sono|cansaço|tédio|fome))",
    r"\bnão (?:quero|aguento|consigo|tenho vontade de) (?:mais )?(?:viver|continuar vivendo"
    r"|existir|estar vivo|estar viva|acordar)\b",
    r"\b(?:cansad[oa]|exaust[oa]) de (?:viver|existir|estar viv[oa])\b",
    r"\b(?:a vida|viver) não (?:vale|tem) (?:mais )?(?:a pena|sentido)\b",
    r"\bnão vale a pena (?:viver|continuar vivendo|continuar)\b",
    r"\b(?:sem|nenhum|nenhuma|não tenho|não há|não tem) (?:mais )?(?:motivo|razão|sentido)"
    r" (?:para|pra|de) (?:viver|continuar|seguir|estar aqui)\b",
    r"\bdesist(?:ir|indo|i) (?:da vida|de viver|de tudo)\b",
    r"\b(?:acabar|terminar|dar fim|por fim|pôr fim) (?:com|a|à|em)? ?(?:a |à )?(?:minha )?"
    r"(?:própria )?vida\b",
    r"\btirar (?:a )?(?:minha )?(?:própria )?vida\b",
    r"\bacabar com tudo\b(?! (?:isso )?(?:nas|das|da) pernas?)",
    r"\b(?:dormir e )?não acordar (?:nunca )?mais\b",
    r"\bdormir (?:para|pra) sempre\b",
    r"\bmelhor (?:se eu|eu) (?:morresse|estivesse mort[oa]|não existisse|sumisse)\b",
    r"\bmelhor (?:sem mim|mort[oa])\b",
    r"\b(?:ninguém|ninguem) (?:sentiria|vai sentir|ia sentir) (?:a )?minha falta\b",
    r"\bsem esperança\b|\bdesesperançad[oa]\b|\bperdi (?:a|toda) (?:a )?esperança\b",
    r"\bnão vejo (?:saída|sentido|motivo) (?:nenhum[a]? )?(?:na vida|para viver|pra viver"
    r"|em viver|em nada)?",
    r"\b(?:pular|me jogar|me atirar) (?:da|de uma|do|na frente d[oe]) ?(?:ponte|janela|prédio"
    r"|sacada|trem|metrô|ônibus|carro|caminhão)",
    r"\b(?:tomar|tomando|engolir) (?:uma )?overdose\b|\boverdose de propósito\b",
    rf"\b{_WANT} (?:tomar|engolir) (?:tod[oa]s? )?(?:[oa]s? )?(?:meus |minhas )?(?:\w+ )?{_PILLS}"
    r".{0,20}\b(?:de uma vez|juntos|juntas|tudo junto|ao mesmo tempo)\b",
    rf"\b{_WANT} (?:tomar|engolir) (?:a cartela|a caixa|o frasco|o vidro) (?:inteir[oa]|tod[oa])",
    r"\b(?:dose|quantidade) (?:letal|fatal|mortal)\b",
    rf"\bquant[oa]s? {_PILLS}.{{0,40}}\b(?:para|pra) (?:morrer|matar|não acordar)\b",
)

OVERDOSE = _compile(
    r"\b(?:tive|tomei|teve|tomou|sofri|sofreu|deu) (?:uma )?(?:overdose|superdosagem"
    r"|sobredosagem)\b",
    r"\b(?:overdose|intoxicação) (?:de|com|por) " + _PILLS,
    rf"\b(?:tomei|tomou|tomamos|engoli|engoliu|ingeri|ingeriu|usei|usou|coloquei)\b.{{0,40}}"
    rf"\b{_PILLS}\b.{{0,30}}(?:\bdemais\b|\ba mais\b|\bem excesso\b|\bem dobro\b|\bo dobro\b"
    r"|\bduas vezes\b|\bmais do que (?:devia|deveria|podia|o receitado|o normal|o indicado)"
    r"|\bsem querer\b|\bpor engano\b|\bpor acidente\b|\bpor descuido\b)",
    rf"\b(?:tomei|tomou|tomamos|engoli|engoliu|ingeri|ingeriu)\b.{{0,30}}(?:\bdemais\b|\ba mais\b"
    r"|\bem excesso\b|\bo dobro\b|\bduas vezes\b|\bsem querer\b|\bpor engano\b|\bpor acidente\b)"
    rf".{{0,30}}\b{_PILLS}\b",
    rf"\b(?:tomei|tomou|engoli|engoliu|ingeri|ingeriu) (?:tod[oa]s? )(?:[oa]s? )?(?:meus |minhas "
    rf"|seus |suas )?(?:\w+ )?{_PILLS}",
    r"\b(?:tomei|tomou|engoli|engoliu|ingeri|ingeriu) (?:a cartela|a caixa|o frasco|o vidro)"
    r" (?:inteir[oa]|tod[oa])",
    r"\bdobrei a dose\b|\btomei (?:a )?dose dupla\b|\btomei (?:a )?dose (?:duas vezes|em dobro)",
    r"\b(?:filh[oa]|bebê|criança|nenê|neném|net[oa]|sobrinh[oa]|menin[oa]|enteado|enteada"
    r"|cachorr[oa]|gat[oa])\b.{0,40}\b(?:engoliu|comeu|tomou|mastigou|ingeriu|pegou e tomou)\b"
    rf".{{0,40}}\b{_PILLS}",
    rf"\b(?:engoliu|comeu|mastigou|ingeriu) (?:\w+ ){{0,4}}{_PILLS}\b",
    r"\b(?:engoli|ingeri|engoliu|ingeriu) (?:vários|várias|muitos|muitas|um monte de"
    r"|uma porção de|um punhado de|\d{2,}|dez|quinze|vinte|trinta) (?:\w+ )?" + _PILLS,
)

_LEG = r"(?:panturrilhas?|batata da perna|pernas?|canelas?|tornozelos?|coxas?|pés?|pé|joelhos?)"
_SWOLLEN = r"(?:inchad[oa]s?|inchou|inchando|inchaço|inchadão|inchadona|edema)"
_ONE_SIDE = (
    r"(?:esquerd[oa]|direit[oa]|uma perna só|uma das pernas|uma perna|só uma|só de um lado"
    r"|de um lado só|de um lado|numa perna|num lado|panturrilha)"
)
_SUDDEN = r"(?:de repente|do nada|subitamente|repentinamente|súbit[oa]|repentin[oa]|do além)"
_DEFICIT = (
    r"(?:fraqueza|fraco|fraca|dormência|dormente|adormecid[oa]|paralisad[oa]|paralisia"
    r"|não consigo (?:mexer|mover|levantar|sentir)|não sinto (?:a|o|minha|meu)|sem força)"
)

RED_FLAG = _compile(
    rf"\b{_LEG}\b.{{0,40}}\b{_SWOLLEN}",
    rf"\b{_SWOLLEN}\b.{{0,30}}\b{_LEG}\b",
    rf"^(?=.*\b{_LEG}\b)(?=.*\b(?:vermelh|avermelhad|quente|quentíssim|inflamad))"
    rf"(?=.*\b(?:dor|dói|doendo|dolorid|sensível))(?=.*\b{_ONE_SIDE})",
    rf"^(?=.*{_SUDDEN})(?=.*\b{_DEFICIT})",
    r"\b(?:boca|rosto|cara) (?:\w+ ){0,2}(?:torta|torto|caíd[oa]|repuxad[oa])\b"
    r"|\bfala (?:\w+ )?(?:enrolada|arrastada)",
    r"\bdor(?:es)? (?:forte )?(?:no|do) peito\b|\bpeito (?:apertado|doendo|dói|dolorido)\b"
    r"|\baperto no peito\b|\bpressão no peito\b",
    r"\bfalta de ar\b|\bfaltando (?:o )?ar\b|\bfalta o ar\b|\bsem ar\b"
    r"|\b(?:não consigo|dificuldade (?:para|pra|de)|difícil|custando a) respirar\b",
    r"\b(?:perdi|perdendo|perder|sem|perdeu) (?:o )?controle (?:da|do|de) (?:bexiga|xixi|urina"
    r"|intestino|cocô|fezes)",
    r"\bme (?:mijei|urinei|caguei|borrei)\b|\bincontinência\b|\bfiz xixi (?:sem (?:querer|perceber"
    r"|sentir)|na roupa|nas calças)",
    r"\bnão (?:consigo|consegui) segurar (?:o |a )?(?:xixi|urina|cocô|fezes|intestino)",
)

_ASK = (
    r"(?:devo|posso|podia|poderia|deveria|preciso|tenho que|dá pra|dá para|é seguro|tem problema"
    r"|é bom|é melhor|seria bom|seria melhor|vale a pena|faz mal|convém|é normal|pode)"
)
_CHANGE = (
    r"(?:tomar|parar|parar de tomar|começar|começar a tomar|iniciar|suspender|largar|aumentar"
    r"|diminuir|reduzir|baixar|subir|dobrar|trocar|mudar|cortar|tirar|desmamar|pular|misturar"
    r"|juntar|combinar|substituir|voltar a tomar|continuar tomando|usar|partir|dividir)"
)

DOSING = _compile(
    rf"\bquant[oa]s?(?: de)? (?:\w+ ){{0,2}}{_MED}\b.{{0,50}}\b(?:tomar|tomo|tomaria|usar|uso"
    r"|posso|devo|deveria|preciso|pode|por dia|por noite|no máximo)\b",
    r"\bquant[oa]s? (?:eu )?(?:devo|posso|deveria|preciso|tenho que|pode|dá pra) (?:tomar|usar)\b",
    r"\b(?:qual|que) (?:é a |seria a |a )?(?:dose|dosagem)\b",
    r"\b(?:dose|dosagem) (?:certa|ideal|máxima|maxima|recomendada|segura|inicial|normal|usual"
    r"|correta|mínima)\b",
    rf"\b{_ASK} (?:eu )?(?:\w+ )?{_CHANGE}\b.{{0,40}}\b{_MED}\b",
    rf"\b{_MED}\b.{{0,40}}\b{_ASK} (?:eu )?(?:\w+ )?{_CHANGE}\b",
    r"\b(?:qual|que) (?:remédio|medicamento|comprimido|remédios|medicamentos)\b.{0,30}\b(?:tomar"
    r"|tomo|usar|uso|devo|posso|é melhor|me indica|recomenda)\b",
    r"\bo que (?:eu )?(?:devo|posso|deveria|preciso) tomar\b",
    r"\b(?:quando|que horas|qual (?:o )?(?:melhor )?horário|de quanto em quanto tempo"
    rf"|quantas vezes)\b.{{0,40}}\btomar\b.{{0,30}}\b{_MED}\b",
    r"\b(?:me )?(?:receita|indica|recomenda|passa|prescreve)(?:r)? (?:pra mim )?(?:um |algum "
    r"|uma )?(?:remédio|medicamento|comprimido|calmante)\b",
    rf"\b(?:aumento|diminuo|paro|troco|dobro|corto|suspendo|tiro|largo|reduzo) (?:a |o |os |as )?"
    rf"(?:\w+ )?{_MED}\b.{{0,20}}\?",
)
