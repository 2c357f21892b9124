"""Source labels named at the foot of every answer (see /work/shared/CLINICAL.md)."""

ARTICLE = "the article on the 2013 Johns Hopkins study"
PAPER = "Allen et al., Neurology 2013"
AASM = "the AASM guideline (2024)"
NHS = "NHS"
MNT = "Medical News Today"
