"""Source labels named at the foot of every answer (see docs/CLINICAL_NOTES.md), catalog
texts."""

from bot.i18n import N_

ARTICLE = N_("the article on the 2013 Johns Hopkins study")
PAPER = N_("Allen et al., Neurology 2013")
AASM = N_("the AASM guideline (2024)")
NHS = N_("NHS")
MNT = N_("Medical News Today")
FDA = N_("US FDA")
MHRA = N_("MHRA (UK medicines regulator)")
