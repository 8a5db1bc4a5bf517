## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = « { $name } » appartient à une autre consigne que les fichiers chargés, comme « { $ours } » : il n’a pas été chargé.
class-other-handout = « { $name } » appartient à une autre consigne que « { $ours } », la consigne dans Comparer : il n’a pas été chargé.
class-repeats = « { $name } » répète « { $other } » : le même annotateur ou la même annotatrice, les mêmes annotations. Il n’a pas été chargé une seconde fois.
class-named-apart = « { $name } » : { $annotator } a aussi envoyé « { $other } », avec d’autres annotations. Les deux sont gardés, sous des noms distincts.
class-none-of = « { $name } » ne contient aucune annotation de « { $title } » : { $annotator } compte avec zéro annotation.
class-rule-exact = Correspondance exacte : un passage correspond à celui qui a le même début et la même fin.
class-rule-overlap = Correspondance un à un : chaque passage de la clé de correction correspond au plus à un passage de l’élève, le plus grand chevauchement d’abord (à égalité : celui qui commence le plus tôt).

## Compare's view
# Le bouton qui ajoute des exports à la comparaison (les fichiers déjà là restent).
compare-add = Ajouter des fichiers…
# Après le nom d’un annotateur ou d’une annotatrice dans la liste des fichiers.
compare-maker-count = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
# Après compare-maker-count : les exemples fournis avec la consigne, le travail de personne.
compare-given = { $count ->
    [one] , { $count } exemple fourni (non compté)
   *[other] , { $count } exemples fournis (non comptés)
}
compare-remove = Retirer
compare-remove-file = Retirer « { $name } » de la comparaison
compare-remove-confirm = Retirer « { $name } » de la comparaison ? Ses annotateurs et annotatrices ne sont plus comparés. Le fichier lui-même n’est pas touché : vous pouvez l’ajouter de nouveau.
compare-coded-only = Accord sur le texte codé seulement
compare-over-all = Calculé sur chaque caractère du texte.
compare-over-coded = Calculé sur les caractères qu’au moins un annotateur ou une annotatrice a étiquetés : le texte que personne n’a étiqueté, sur lequel tout le monde s’accorde, ne compte pas.
# En-têtes du tableau d’accord : courts, avec le nom complet au survol et dans la légende.
compare-used-by = Utilisée par
    .title = Nombre d’annotateurs et d’annotatrices qui ont utilisé l’étiquette
compare-fleiss = κ
    .title = Kappa de Fleiss : tous les annotateurs et annotatrices ensemble
compare-alpha = α
    .title = Alpha de Krippendorff, nominal : tous les annotateurs et annotatrices ensemble
# Une colonne du κ de Cohen entre deux annotateurs, désignés par leur numéro dans la liste
# des fichiers ; le titre les nomme.
compare-cohen-pair = κ { $first }·{ $second }
    .title = Kappa de Cohen entre { $first } et { $second }
compare-cohen-mean = κ moyen
    .title = Moyenne du kappa de Cohen sur toutes les paires d’annotateurs
compare-legend = κ : kappa de Fleiss, tous les annotateurs et annotatrices ensemble. α : alpha de Krippendorff, nominal. κ 1·2 : kappa de Cohen entre les annotateurs 1 et 2, numérotés comme dans la liste des fichiers. Utilisée par : nombre d’annotateurs et d’annotatrices qui ont utilisé l’étiquette.
compare-legend-mean = κ : kappa de Fleiss, tous les annotateurs et annotatrices ensemble. α : alpha de Krippendorff, nominal. κ moyen : moyenne du kappa de Cohen sur toutes les paires d’annotateurs. Utilisée par : nombre d’annotateurs et d’annotatrices qui ont utilisé l’étiquette.
compare-disagreements-rule = Non listés : un extrait sans lettre ni chiffre (une espace, une ponctuation), ni un écart d’au plus 2 caractères au bord d’un passage.
compare-zero-division = Une part sans rien à diviser compte 0, en micro comme en macro (comme zero_division=0 de scikit-learn) : un élève sans passage obtient 0. — seulement quand ni l’élève ni la clé n’ont de passage.
compare-legend-folded = κ : kappa de Fleiss, tous les annotateurs et annotatrices ensemble. α : alpha de Krippendorff, nominal. κ moyen : moyenne du kappa de Cohen sur toutes les paires d’annotateurs ; celui de chaque paire est sous « κ de Cohen de chaque paire », où κ 1·2 désigne les annotateurs 1 et 2, numérotés comme dans la liste des fichiers. Utilisée par : nombre d’annotateurs et d’annotatrices qui ont utilisé l’étiquette.
compare-pairs-table = Kappa de Cohen par paire d’annotateurs
compare-pairs-toggle = κ de Cohen de chaque paire ({ $count })
compare-students-legend = P : précision, la part des passages de l’élève qui correspondent à un passage de la clé. R : rappel, la part des passages de la clé que l’élève a trouvés. F1 : la moyenne harmonique des deux. Micro : chaque passage compte autant ; macro : chaque étiquette compte autant.
compare-kappa-alpha = κ (kappa) et α (alpha) mesurent l’accord entre annotateurs au-delà de ce que le seul hasard donnerait : 1 est un accord complet, 0 ne fait pas mieux que le hasard, en dessous de 0 fait moins bien.
# Le tableau des scores globaux de chaque élève par rapport à la clé de correction.
compare-students = Élèves par rapport à la clé de correction
compare-student = Élève
compare-passages = Passages
compare-micro = Micro
    .title = Moyenne micro : chaque passage compte autant
compare-macro = Macro
    .title = Moyenne macro : chaque étiquette compte autant
compare-p = P
    .title = Précision : la part des passages de l’élève qui correspondent à un passage de la clé
compare-r = R
    .title = Rappel : la part des passages de la clé que l’élève a trouvés
compare-f = F1
    .title = F1 : la moyenne harmonique de la précision et du rappel
# Le nom complet d’une colonne triable : « Précision (Micro) ».
compare-column = { $column } ({ $average })
storage-class-lost = Un fichier de la comparaison n’a pas pu être relu : { $reason }

compare-no-module = La comparaison n’a pas pu être chargée : elle a besoin du réseau la première fois qu’elle s’ouvre, puis elle fonctionne hors ligne.
compare-crashed = La comparaison et le formulaire de devoir se sont arrêtés sur une erreur. Vos fichiers de la comparaison sont conservés : rechargez la page pour les utiliser de nouveau.
compare-remove-unread-confirm = Retirer ce fichier de la comparaison qui ne peut pas être relu ? Il ne pourra pas être récupéré ; le fichier chargé est toujours sur votre disque.
compare-scope-file = { $count ->
    [one] Le devoir : { $count } étiquette retenue
   *[other] Le devoir : { $count } étiquettes retenues
}
compare-scope-twice = « { $name } » est un devoir, et la comparaison en a déjà un pour ce texte : retirez d’abord celui-là. Il n’a pas été chargé.
compare-scored-within = { $count ->
    [one] Notes calculées sur l’étiquette distribuée par « { $name } ».
   *[other] Notes calculées sur les { $count } étiquettes distribuées par « { $name } ».
}
compare-left-out = Les passages du corrigé portant d’autres étiquettes ne sont pas comptés : { $tags }.
compare-add-assignment = Ces fichiers ont été faits pour un devoir. Ajoutez son fichier (celui que vous avez distribué) pour noter les élèves seulement sur les étiquettes qu’il leur proposait.
compare-remove-scope-confirm = Retirer le devoir « { $name } » de la comparaison ? Les élèves sont alors notés sur toutes les étiquettes du corrigé. Le fichier lui-même reste où il est.
class-handout-other-text = « { $name } » distribue d’autres textes que celui-ci : il n’a pas été chargé.
compare-key-own = Vos propres annotations dans ce navigateur peuvent servir de corrigé : exportez-les (Exporter, ce document) et ajoutez le fichier ici.
