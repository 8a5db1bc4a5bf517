## Le rapport imprimé (issue 23) : les annotations d’un document, ou les scores et l’accord
## d’une classe, sur papier.

# Le bouton à côté de la liste des annotations et dans la comparaison.
report-print = Imprimer un rapport
# Au-dessus du titre : de quoi le rapport parle.
report-of-document = Annotations d’un document
report-of-class = Une classe comparée
# Sous le titre : la date d’impression (écrite comme la langue écrit une date longue), et
# de qui sont les annotations (leurs noms, tels qu’ils les ont donnés).
report-printed = Imprimé le { $date }
report-annotated-by = Annoté par
report-counts = Décomptes
report-total = Tous les passages
report-counts-legend = Un passage étiqueté de plusieurs codes compte sous chacun d’eux, et une fois au total.
report-annotations = Annotations par code
# Après le nom d’un code, au-dessus de ses passages.
report-passages = { $count ->
    [one] { $count } passage
   *[other] { $count } passages
}
# En-têtes des colonnes des passages d’un code.
report-page = Page
report-quote = Passage
report-note = Note
# Après le nom d’un annotateur ou d’une annotatrice dans le rapport d’une classe.
report-from-file = { $count ->
    [one] { $count } annotation, de « { $name } »
   *[other] { $count } annotations, de « { $name } »
}
report-key = Tout le monde est évalué par rapport à { $name }.
report-gold = { $curators } a établi la référence dans Comparer, en tranchant passage par passage entre les versions des annotateurs. { $settled } passage(s) sur { $count } y ont du texte ; les { $open } autres n’en ont pas (tranchés comme « aucun », ou pas encore tranchés), et un passage d’un élève à cet endroit compte comme ajouté.
report-no-key = Aucune clé de correction n’est choisie : choisissez-en une dans la comparaison pour imprimer les scores de chaque élève.
# En-tête de colonne des désaccords : qui a étiqueté le passage.
report-tagged-by = Étiqueté par
report-failed = Le rapport n’a pas pu être imprimé : il a besoin du réseau la première fois, et fonctionne hors ligne ensuite.
report-no-module = Le rapport n’a pas pu être chargé : il a besoin du réseau la première fois, et fonctionne hors ligne ensuite.
report-none = Aucune annotation dans ce document pour l’instant.
