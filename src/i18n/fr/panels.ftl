## Les panneaux latéraux : liste des annotations, livre de codes, comparaison, suggestions, export.

## La liste des annotations à côté du texte.

# Liens, au-dessus de la liste, vers les autres panneaux.
list-open-codebook = Livre de codes…
list-open-suggestions = Suggestions…
list-open-compare = Comparer les annotateurs…
# Le retour à la liste, depuis chacun des autres panneaux.
list-back = Retour à mes annotations
# Le titre de la liste ; un nombre le suit.
list-title = Annotations
# Le nombre à côté du titre quand un filtre ou une recherche masque des annotations.
list-count-filtered = { $shown } sur { $all }
list-empty = Aucune pour l’instant. Sélectionnez un passage du texte pour l’étiqueter avec un objectif ou un principe directeur.
list-search = Rechercher dans les annotations
    .placeholder = Rechercher dans les citations et les notes
list-filter-label = Filtrer par étiquette
# Lu par les lecteurs d’écran avant le bouton de filtre d’une étiquette : « Filtre : 17 Éliminer la discrimination, 3 ».
list-filter-prefix = Filtre :
list-show-all = Afficher toutes les annotations
list-show-earlier = { $count ->
    [one] Afficher { $count } annotation précédente
   *[other] Afficher les { $count } annotations précédentes
}
# $next entrées parmi les $more pas encore affichées (la liste en affiche 150 à la fois).
list-show-next = Afficher les { $next } suivantes sur { $more } restantes
# Une annotation qui étiquette le document entier, à la place d’un passage cité.
list-whole-document = Le document entier
# Un passage cité dans la liste ($quote est un extrait coupé du texte).
list-quote = « { $quote } »
list-edit = Modifier
    .label = Modifier l’annotation
list-delete = Supprimer
    .label = Supprimer l’annotation
# Des annotations importées dont le passage n’est pas dans le texte du document.
list-orphans-title = Introuvables dans ce texte ({ $count })
list-orphans-about = Annotations importées dont le passage ne figure plus dans le texte. Elles sont conservées jusqu’à ce que vous les supprimiez.
list-delete-orphan = Supprimer l’annotation orpheline « { $quote } »

## Le panneau du livre de codes.

codebook-title = Livre de codes
codebook-own-title = Vos codes
codebook-new = Nouveau code
codebook-new-name = Nom du nouveau code
codebook-add = Ajouter le code
codebook-own-empty = Vos propres codes (un acteur, une position, « écart de mise en œuvre ») s’ajoutent à ceux du GCM et accompagnent chaque export.
# Titres au-dessus des étiquettes du GCM.
codebook-objectives = Les 23 objectifs du GCM
codebook-principles = Les 10 principes directeurs
# La place d’un code dans l’arborescence : les choix de « Placé sous ».
codebook-nested-under = Placé sous
codebook-top-level = Premier niveau
codebook-gcm-tags = Objectifs et principes du GCM
# Dans la ligne d’un code placé sous une étiquette du GCM ($tag : « Objectif 3 : Fourniture d’informations »).
codebook-in = sous { $tag }
codebook-row = { $count ->
    [one] Modifier le code { $name }, utilisé dans { $count } annotation
   *[other] Modifier le code { $name }, utilisé dans { $count } annotations
}
    .title = Renommer, changer la couleur, placer, fusionner ou supprimer
# L’éditeur d’un code.
codebook-edit = Modifier le code { $name }
codebook-name = Nom
codebook-colour = Couleur
# Le nom accessible de la $number-ième couleur de la palette (1 à 12).
codebook-colour-n = Couleur { $number }
# Un nom ou une place refusés : $reason dit pourquoi.
codebook-not-changed = Non modifié : { $reason }.
codebook-save = Enregistrer le code
codebook-close = Fermer
codebook-merge-into = Fusionner avec
codebook-choose = Choisir un code…
codebook-merge = Fusionner
# $consequence dit ce que deviennent les annotations qui portent le code.
codebook-delete-confirm = Supprimer « { $name } » ? { $consequence }
codebook-delete = Supprimer…
codebook-delete-now = Supprimer le code

## Comparer les annotateurs : les exports d’un même document par plusieurs annotateurs.

compare-title = Comparer les annotateurs
compare-load-input = Charger les exports des annotateurs
# La progression pendant la lecture des fichiers, puis leur comparaison.
compare-loading = Chargement des exports
compare-comparing = Comparaison des annotateurs
compare-unreadable = « { $name } » n’a pas pu être lu : { $reason }.
compare-download-failed = Échec du téléchargement : { $reason }.
compare-intro = Chargez les exports de « { $title } » réalisés par plusieurs annotateurs (dans tout format que l’application exporte : son JSON, JSON-LD du W3C, JSONL de doccano, CSV, REFI-QDA ou brat) pour voir où ils s’accordent. Pour un devoir, ajoutez aussi le fichier distribué : les élèves ne sont alors notés que sur ses étiquettes. Dans le texte, un soulignement ambre en tirets marque leurs désaccords, un soulignement vert continu les passages où tous s’accordent.
compare-annotators = { $count ->
    [one] { $count } annotateur
   *[other] { $count } annotateurs
}
# Après compare-maker-count : les annotations dont le passage n’est pas dans ce texte.
compare-not-placed = { $count ->
    [one] , { $count } non placée
   *[other] , { $count } non placées
}
compare-agreement = Accord caractère par caractère, global et par étiquette
compare-agreement-table = Accord par étiquette
# La première ligne du tableau d’accord : toutes les étiquettes ensemble.
compare-overall = Global
# En-têtes de colonnes des tableaux statistiques (les termes du domaine).
compare-tag = Étiquette
compare-undefined = — : non défini (personne n’a utilisé l’étiquette, ou tous l’ont appliquée au texte entier).
compare-download = Télécharger les statistiques (CSV)
compare-disagreements = Désaccords : { $count }
# Un désaccord : lequel sur combien, l’étiquette, qui a étiqueté le passage, le passage.
compare-disagreement = { $number } sur { $count } : { $tag } — étiqueté par { $who } ; « { $quote } »
compare-previous = Désaccord précédent
compare-next = Désaccord suivant
compare-key = Corrigé
compare-key-choice = Évaluer chacun par rapport à
compare-no-key = (aucun corrigé)
compare-scores = Résultats de { $name }
compare-precision = Précision
compare-recall = Rappel
compare-f1 = F1
compare-f1-exact = F1 exact
    .title = Correspondance exacte des passages
# Un passage des listes du corrigé : « Objectif 2 : Lutter contre les facteurs négatifs : « changement climatique » ».
compare-passage = { $tag } : « { $quote } »
# Les passages du corrigé que l’annotateur n’a pas étiquetés, et ceux qu’il a étiquetés en plus.
compare-missed = Manqués ({ $count })
compare-extra = En trop ({ $count })
compare-coverage = Couverture du livre de codes
compare-coverage-chart = Annotations par objectif et par principe
# L’alternative textuelle du graphique ; $untagged énumère les objectifs que personne n’a étiquetés, ou vaut compare-none.
compare-coverage-summary = Objectifs étiquetés : { $objectives } sur 23 ; principes : { $principles } sur 10. Non étiquetés : { $untagged }.
compare-none = aucun
compare-not-tagged = non étiqueté
# Une barre du graphique : $count annotations par $annotators annotateurs.
compare-bar = { $count } · { $annotators ->
    [one] { $annotators } annotateur
   *[other] { $annotators } annotateurs
}
compare-as-table = Les mêmes données en tableau
compare-annotations = Annotations
compare-annotators-column = Annotateurs

## Suggestions : des passages que l’application propose d’étiqueter.

suggest-no-module = Les suggestions n’ont pas pu être chargées : elles ont besoin du réseau la première fois qu’elles s’ouvrent, puis elles fonctionnent hors ligne.
suggest-title = Suggestions ({ $count })
suggest-accept-all-title = Accepter toutes les suggestions d’une étiquette
suggest-accept-all = { $count ->
    [one] Accepter { $count } suggestion pour { $tag }
   *[other] Accepter les { $count } suggestions pour { $tag }
}
# Pourquoi un passage est suggéré : il nomme un objectif, ou emploie un mot qui s’y rattache.
suggest-names = nomme « { $words } »
suggest-uses = emploie « { $words } »
suggest-about = Des phrases qui nomment un objectif, emploient des mots qui s’y rattachent ou ressemblent aux passages que vous avez étiquetés. Ce ne sont pas des annotations tant que vous ne les avez pas acceptées.
suggest-learned = comme { $count ->
    [one] le passage que vous avez étiqueté ainsi
   *[other] les { $count } passages que vous avez étiquetés ainsi
} (sûr à { $percent } %)
suggest-taught = { $learned ->
    [0] Elles n’ont encore rien appris de vous : elles apprennent de chaque passage que vous étiquetez, ici et dans vos autres documents.
    [one] Elles ont appris d’une de vos annotations.
   *[other] Elles ont appris de { $learned } de vos annotations.
}
suggest-rejected = { $rejected ->
    [one] Vous avez rejeté une suggestion : elle n’est plus proposée.
   *[other] Vous avez rejeté { $rejected } suggestions : elles ne sont plus proposées.
}
suggest-scoring = Recherche des suggestions…
suggest-read-only = Cet onglet est en lecture seule : les suggestions se lisent ici, et se traitent dans l’onglet qui modifie.
suggest-none-at = Aucune suggestion n’atteint { $percent } % de certitude : baissez le seuil pour en voir davantage.
suggest-forgotten = Elles ont oublié ce qu’elles avaient appris, et apprennent de nouveau des passages que vous étiquetez ou modifiez désormais.
suggest-forgot = Ce que les suggestions avaient appris est oublié. Vos annotations restent.
suggest-threshold = Afficher à partir de { $percent } % de certitude
suggest-forget = Oublier ce qu’elles ont appris…
suggest-forget-confirm = Oublier ce que les suggestions ont appris de vos annotations et de vos rejets ? Vos annotations restent. Elles apprennent de nouveau de celles que vous créez ou modifiez.
suggest-forget-yes = Oublier
suggest-forget-no = Garder
suggest-export = Télécharger ce qu’elles ont appris (JSON)
suggest-export-failed = Ce que les suggestions ont appris n’a pas pu être téléchargé : { $reason }
suggest-quote = « { $quote } »
suggest-accept = Accepter
    .label = Accepter { $tag }
suggest-reject = Rejeter
    .label = Rejeter { $tag }

## Importer et Exporter, dans la barre du haut.

transfer-import = Importer…
transfer-import-input = Importer des fichiers d’annotations
transfer-import-title = Importer des annotations : JSON de GCM Annotator, JSON-LD du W3C, JSONL de doccano, REFI-QDA (.qdpx, .qdc), brat (.ann avec son .txt, ou un .zip) ou CSV
transfer-export = Exporter
transfer-options = Options d’export
# Ce qu’on exporte : le document ouvert, ou tous.
transfer-what = Contenu
transfer-this = Ce document
transfer-all = Tous les documents
transfer-format = Format
transfer-seed-text = Inclure le texte des documents fournis
transfer-download = Télécharger
