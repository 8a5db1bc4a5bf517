## The main views: the top bar, the library, the reader, the palette, messages.

## The app (src/web/components/app.rs), and texts several views share.

app-loading = Chargement de votre travail…
app-skip = Aller au texte
app-welcome-title = Choisissez un document à lire
app-welcome-gcm = Le Pacte mondial pour des migrations sûres, ordonnées et régulières (GCM), approuvé par l’Assemblée générale des Nations Unies en décembre 2018, est le cadre commun de coopération des États en matière de migrations : 23 objectifs qui reposent sur 10 principes directeurs.
app-welcome-how = Ouvrez l’un des textes de la bibliothèque, ou ajoutez les vôtres. Sélectionnez un passage à la souris, ou avec Maj et les flèches, puis étiquetez-le avec les objectifs et les principes directeurs du Pacte mondial.
app-welcome-private = Tout reste dans ce navigateur et s’enregistre au fur et à mesure : rien n’est envoyé nulle part, sauf si vous l’exportez.
app-seeds-missing = Certains des textes fournis n’ont pas pu être chargés : rechargez la page pour réessayer. Vos propres documents et annotations ne sont pas touchés.
# $problem: why a stored record could not be read (a sentence from the storage layer).
app-storage-problem = Stockage : { $problem }.
# A button that stops what is under way (reading a file) or closes the palette.
app-cancel = Annuler
# A button that deletes a document, or annotations waiting for their text.
app-delete = Supprimer
# A passage quoted in a card or a list: $quote is the passage's text.
app-quote = « { $quote } »

## The top bar (topbar.rs).

top-saved = Tout est enregistré dans ce navigateur
top-saving = Enregistrement…
top-save-failed = Non enregistré : exportez votre travail
top-storage-unavailable = Stockage indisponible : exportez votre travail
top-name-label = Nom de l’annotateur
top-set-name = Indiquer votre nom
# $name: the annotator's name, as they typed it.
top-annotator = Annotateur : { $name }
top-change-name = Changer le nom enregistré avec vos annotations
# The group of the Undo and Redo buttons.
top-history = Historique
# Undo: the top bar's button (after an arrow ↶) and the button of a message after a deletion.
top-undo = Annuler
    .title = Annuler (Ctrl+Z)
top-redo = Rétablir
    .title = Rétablir (Ctrl+Maj+Z ou Ctrl+Y)

## The library (library.rs).

library-title = Bibliothèque
library-open-files = Ouvrir des fichiers…
library-open-files-label = Ouvrir des fichiers texte
library-paste = Coller un texte
library-paste-title = Titre
library-paste-text = Texte
library-add = Ajouter le document
library-mine = Vos documents
library-empty = Ouvrez un fichier texte, Markdown, PDF, Word, OpenDocument ou une page web avec le bouton ci-dessus, déposez des fichiers ici, ou collez un texte.
# After a document's description.
library-count = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}
# $name: the file the document came from; $hash: its SHA-256 in hexadecimal.
library-hash = SHA-256 de { $name } : { $hash }
# $title: a document's title.
library-rename-input = Nouveau titre pour { $title }
library-rename = Renommer
library-rename-label = Renommer { $title }
library-delete-label = Supprimer { $title }
library-confirm-label = Confirmer la suppression
library-confirm = Supprimer « { $title } » { $count ->
    [0] (sans annotation)
    [one] et son annotation
   *[other] et ses { $count } annotations
} ? Cette action est irréversible.
library-delete-document = Supprimer le document
library-keep = Le conserver

## The library's annotations waiting for their text (waiting.rs).

waiting-view-title = En attente de leur texte
waiting-view-intro = Annotations importées de textes absents de ce navigateur. Ajoutez le même texte (ouvrez-le, collez-le ou importez un fichier qui le contient) et elles s’y placeront.
# Where the annotations came from, when the file is not known.
waiting-view-earlier-import = une importation précédente
# $file: a file's name, as in “notes.jsonld” and 2 more.
waiting-view-files = { $file } et { $count ->
    [one] { $count } autre
   *[other] { $count } autres
}
# A file's name in quotes.
waiting-view-file = « { $name } »
# $from: the files, as waiting-view-file, waiting-view-files or waiting-view-earlier-import say.
waiting-view-from = Provenance : { $from }
waiting-view-known-id = Identifiant du texte : { $id }
waiting-view-known-sha = SHA-256 du texte : { $hash }
# $title: the title of the document in this browser that has the same text.
waiting-view-here = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} d’un texte présent ici, sous le titre « { $title } »
waiting-view-absent = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
} d’un texte absent de ce navigateur
waiting-view-place = Placer sur « { $title } »
waiting-view-export = Exporter
waiting-view-export-label = Exporter { $count ->
    [one] l’annotation en attente
   *[other] les { $count } annotations en attente
} (provenance : { $from })
waiting-view-delete-label = Supprimer { $count ->
    [one] l’annotation en attente
   *[other] les { $count } annotations en attente
} (provenance : { $from })

## The reader (reader.rs).

reader-tag-document = Étiqueter tout le document…
reader-help = Sélectionnez un passage pour l’étiqueter. Au clavier : les flèches déplacent le curseur, Maj+flèches sélectionne, Entrée étiquette, N et P mènent à l’annotation suivante ou précédente.
reader-text = Texte du document
# The card that lists the annotations under the pointer.
reader-card = Annotations à cet endroit
reader-overlapping = { $count ->
    [one] { $count } annotation superposée
   *[other] { $count } annotations superposées
}
# $quote: the start of the annotated passage.
reader-select-label = Sélectionner l’annotation « { $quote } »
reader-select = Sélectionner
reader-edit-label = Modifier l’annotation « { $quote } »
reader-edit = Modifier
reader-close = Fermer

## The tag palette (palette.rs).

palette-tag-selection = Étiqueter la sélection
palette-tag-document = Étiqueter tout le document
palette-edit = Modifier l’annotation
# What an annotation of the whole document quotes.
palette-whole-document = Le document entier
palette-save = Enregistrer l’annotation
palette-save-document = Enregistrer les étiquettes du document
palette-save-changes = Enregistrer les modifications
palette-name = Votre nom, enregistré avec chaque annotation (demandé une seule fois ; modifiable depuis la barre du haut)
palette-search = Rechercher des étiquettes
    .placeholder = Rechercher, ou nommer un nouveau code
palette-recent = Utilisées récemment
palette-objectives = Objectifs
palette-principles = Principes directeurs
palette-own-codes = Vos codes
# The tooltip of a code the user made.
palette-own-code = Votre code
# $tag: the GCM tag the code is filed under, as "Objective 17: Eliminate discrimination".
palette-own-code-under = Votre code (sous { $tag })
# $name: what was typed in the search box.
palette-new-code = + Nouveau code « { $name } »
palette-no-match = Aucune étiquette ne correspond. Essayez un numéro, comme 17, ou un mot, comme « frontières ».
palette-no-match-scoped = { $count ->
    [one] Aucune étiquette ne correspond. Ce devoir en propose une : videz la recherche pour la voir.
   *[other] Aucune étiquette ne correspond. Ce devoir en propose { $count } : videz la recherche pour les voir.
}
# The full title of the tag under the pointer or focus, after its name.
palette-described = { $label } : { $description }
palette-describe = Survolez une étiquette ou placez-y le focus pour lire son titre complet.
palette-note-label = Note (facultative)
palette-note = Note
palette-selected = { $count ->
    [one] { $count } cochée
   *[other] { $count } cochées
} · Ctrl+Entrée enregistre

## Messages (notices.rs).

notices-label = Messages
notices-export = Exporter mon travail
notices-dismiss = Fermer
notices-dismiss-label = Fermer le message
# Several errors shown as one: the list of each.
notices-details = Afficher chaque erreur et sa cause

## A read-only tab (editing_tab.rs).

editing-take-over = Modifier dans cet onglet
editing-waiting = En attente de l’autre onglet…

## A field's length as it is typed (length_hint.rs).

length-near = { $count } caractères sur { $limit }
# $field: what the field is called ("note", "title", "name", …).
length-over = { $count } caractères : ce champ ({ $field }) en contient au plus { $limit } ; le reste sera coupé à l’enregistrement
