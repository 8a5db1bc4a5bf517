## Le corpus de référence : trancher les passages d’une classe en une référence (issue 23).

gold-title = Corpus de référence
gold-intro = Tranchez chaque passage en une seule référence : gardez la version d’un annotateur, celle de la majorité, ou aucune. Le corpus de référence est le vôtre : modifiez-le comme vos propres annotations, exportez-le, et notez la classe par rapport à lui.
gold-nothing = Aucun annotateur n’a étiqueté de passage de ce texte : il n’y a rien à trancher.
gold-progress = { $settled } passages tranchés sur { $count }
gold-k = Au moins ce nombre des { $count } annotateurs :
gold-accept = Accepter chaque passage sur lequel ils s’accordent
gold-k-rule = L’accord se compte en caractères : dans chaque passage pas encore tranché, le texte qu’au moins ce nombre d’annotateurs a étiqueté de la même étiquette est gardé ; là où il n’y en a pas, le passage vous reste à trancher.
gold-accepted = { $count ->
    [one] { $count } passage tranché où au moins { $k } annotateurs sur { $n } s’accordent.
   *[other] { $count } passages tranchés où au moins { $k } annotateurs sur { $n } s’accordent.
}
gold-accepted-none = Aucun passage n’a de texte sur lequel { $k } annotateurs sur { $n } s’accordent.
gold-all-settled = Tous les passages sont déjà tranchés : accepter de nouveau ne change rien. Parcourez-les pour en changer un.
gold-item = Passage { $number } sur { $count } : { $tag }, « { $quote } »
gold-now = Dans le corpus de référence : { $quotes }
gold-now-none = Pas encore tranché.
gold-now-nothing = Tranché : rien de cette étiquette ici.
gold-version = { $who } : { $quotes }
gold-version-none = { $who } : rien ici
gold-more = (et { $count } de plus)
gold-quote = « { $quote } »
gold-keep = Garder
gold-keep-who = Garder la version de { $who }
gold-majority = Garder celle de la majorité
gold-majority-none = Aucun texte ici n’est étiqueté par une majorité ({ $k } sur { $n }).
gold-none = N’en garder aucune
gold-previous = Passage précédent
gold-next = Passage suivant
gold-next-unsettled = Suivant à trancher
gold-key = Corpus de référence ({ $count ->
    [one] { $count } passage
   *[other] { $count } passages
})
gold-name = Corpus de référence
gold-badge = corpus de référence
