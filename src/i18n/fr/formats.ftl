## Formats d’importation : pourquoi un fichier a été refusé ou lu en partie, et ce qu’une
## importation a fait. $file, $name, $code, $parent et $value arrivent déjà isolés
## (U+2068 … U+2069) : les guillemets sont écrits ici.

# Un refus complet ; $problem est l’une des raisons fmt- ci-dessous (« il est vide »).
fmt-not-imported = « { $file } » n’a pas été importé : { $problem }. Rien n’a été modifié.

## Raisons d’un refus : chacune complète « … n’a pas été importé : <raison>. », en minuscules.

# $size et $limit sont des tailles avec leur unité : « 52.1 MB », « 50 MB ».
fmt-too-big = il fait { $size }, au-delà de la limite d’importation de { $limit }
fmt-not-utf8 = ce n’est pas du texte UTF-8 (le premier octet invalide est à la position { $position })
fmt-empty = il est vide
fmt-too-deep = ses données sont imbriquées trop profondément (plus de { $levels } niveaux)
fmt-label-studio = il ressemble à un export de Label Studio ('data' et 'annotations' avec 'result'), que cette application ne lit pas : exportez-le depuis Label Studio en W3C Web Annotation, ou en doccano JSONL avec 'text' et 'label'
fmt-json-unknown = c’est du JSON, mais dans aucun des formats que lit cette application (GCM Annotator JSON, W3C Web Annotation ou doccano JSONL)
fmt-unknown = il n’est dans aucun des formats que lit cette application (GCM Annotator JSON, W3C Web Annotation ou doccano JSONL)
# $error est le message de l’analyseur JSON, en anglais.
fmt-not-json = ce n’est pas du JSON valide ({ $error })

## Le JSON du projet.
fmt-newer-version = il a été écrit par une version plus récente de l’application (version de format { $version } ; celle-ci lit la version { $reads })
fmt-no-version = il n’indique pas de version de format
# $error est le message de l’analyseur JSON, en anglais.
fmt-not-the-format = il ne respecte pas le format : { $error }
# $field est le nom du champ dans le fichier, laissé en anglais : created ou updated.
fmt-bad-time = sa date { $field } « { $value } » n’est pas une date ISO 8601
# $field est le nom du champ dans le fichier, laissé en anglais : start ou end.
fmt-missing-field = il ne respecte pas le format : champ `{ $field }` manquant

## W3C Web Annotation. Annotation, TextQuoteSelector, TextPositionSelector, 'tagging',
## 'commenting' et 'value' sont les noms de la norme : à garder. $n compte à partir de 1.
fmt-w3c-first-page-empty = sa première page n’a aucun élément (items)
fmt-w3c-pages-linked = ses pages ne sont pas incluses dans le fichier (seulement liées) ; exportez-les avec leurs éléments
fmt-w3c-page-empty = la page n’a aucun élément (items)
fmt-w3c-not-annotation = l’élément { $n } n’est pas une Annotation
fmt-w3c-no-id = l’annotation { $n } n’a pas d’identifiant (id)
fmt-w3c-no-target = l’annotation { $n } n’a pas de cible (target)
fmt-w3c-no-source = la cible de l’annotation { $n } n’a pas de source
fmt-w3c-no-exact = annotation { $n } : son TextQuoteSelector n’a pas de texte exact (exact)
# $field vaut start ou end.
fmt-w3c-bad-position = annotation { $n } : son TextPositionSelector exige un nombre entier positif ou nul pour { $field }
fmt-w3c-no-selector = l’annotation { $n } n’a ni TextQuoteSelector ni TextPositionSelector
fmt-w3c-bad-time = annotation { $n } : « { $value } » n’est pas une date ISO 8601
# Une remarque après une importation ; $selector est le type de sélecteur du fichier.
fmt-w3c-selector-ignored = '{ $selector }' n’est pas lu : seuls TextQuoteSelector et TextPositionSelector placent une annotation ici
# Remarques après une importation ; $purpose est la fonction (purpose) d’un corps, un mot de la norme W3C.
fmt-w3c-body-no-value = un corps '{ $purpose }' sans 'value' n’est pas lu : les étiquettes et les notes sont des corps textuels
fmt-w3c-purpose-ignored = les corps de fonction '{ $purpose }' ne sont pas lus : les étiquettes viennent des corps 'tagging', les notes des corps 'commenting'

## doccano JSONL. "text", "label", "entities", start_offset… sont les clés du format : à garder.
# $error est le message de l’analyseur JSON, en anglais.
fmt-line-not-json = la ligne { $line } n’est pas du JSON ({ $error })
fmt-line-no-text = la ligne { $line } n’a pas de "text"
fmt-line-no-label = la ligne { $line } n’a pas de liste "label" (ni de "entities" de doccano)
fmt-line-bad-label = ligne { $line }, étiquette { $label } : [start, end, "tag"] ou {"{"}"start_offset", "end_offset", "label"{"}"} attendu
fmt-no-documents = il ne contient aucun document
# Une remarque après une importation : $cut des $moved segments couperaient des mots s’ils étaient lus en points de code.
fmt-line-utf16 = les positions de la ligne { $line } ont été lues en unités de code UTF-16, comme certains outils les écrivent : lues en points de code, { $cut } des { $moved } segments qu’elles déplacent couperaient des mots (annulez l’importation si c’est une erreur)
# Une remarque après une importation : une clé du JSONL d’un autre outil qui n’est pas lue ; $key est la clé.
fmt-doccano-unread = '{ $key }' n’est pas lu : { $key ->
        [relations] les relations de doccano entre segments ne sont pas conservées
        [cats] les catégories de document à la manière de spaCy ne sont pas lues ; une simple chaîne dans 'label' étiquette le document entier
        [data] les tâches de Label Studio ne sont pas lues : exportez-y du JSON-MIN ou du CSV, ou du W3C
        [annotations] les annotations de Label Studio ne sont pas lues : les segments de doccano JSONL vont dans 'label'
       *[other] les prédictions de Label Studio ne sont pas lues
    }

## Vérification d’un fichier par rapport à la bibliothèque, avant tout placement ; $n compte
## à partir de 1, les positions comptent des caractères.
fmt-text-edited = le texte de « { $name } » a été modifié depuis son export (son sha256 ne correspond plus) : il a été reconnu par son texte
fmt-text-altered = le texte du document « { $name } » ne correspond pas à son SHA-256 ; le fichier a été modifié ou endommagé
fmt-document-too-big = le document « { $name } » fait { $size }, au-delà de la limite de { $limit }
# $problem dit pourquoi les étiquettes de l’annotation sont refusées (une phrase du cœur de l’application).
fmt-annotation-problem = annotation { $n } : { $problem }
fmt-annotation-backwards = l’annotation { $n } finit ({ $end }) avant de commencer ({ $start })
fmt-annotation-empty = l’annotation { $n } est vide : elle commence et finit à { $start } (les positions doivent vérifier début < fin)
fmt-annotation-half = l’annotation { $n } a un début sans fin, ou une fin sans début
fmt-annotation-past-end = l’annotation { $n } finit à { $end }, au-delà de la fin de son document ({ $length } caractères)
fmt-annotation-no-text = l’annotation { $n } n’a pas de citation, et son document n’est pas dans ce navigateur
fmt-annotation-empty-quote = l’annotation { $n } a une citation vide
fmt-code-cycle = son code « { $code } » est imbriqué sous lui-même (les parents de ses codes forment un cycle)
fmt-code-no-name = son code « { $code } » n’a pas de nom
# $tag est le nom de l’étiquette du Pacte mondial : « Objectif 1 : Données ».
fmt-code-gcm-name = son code « { $code } » porte le nom d’une étiquette du Pacte mondial ({ $tag })
fmt-code-undeclared-parent = son code « { $code } » est imbriqué sous « { $parent } », un code que le fichier ne déclare pas

## Progression d’une importation, après « Importation de “fichier”, ».
fmt-progress-matched = documents reconnus
fmt-progress-checked = annotations vérifiées
fmt-progress-placed = annotations placées

## Un nouveau document créé par une importation : sa description dans la bibliothèque, et
## son titre quand le fichier n’en donne pas et que son texte commence par une ligne vide.
fmt-imported-from = Importé de { $file }
fmt-untitled = Texte sans titre

## Le résumé d’une importation : des parties jointes par « ; » et finies par « . », puis
## chaque remarque. « Bibliothèque → En attente de leur texte » et « Introuvables dans ce
## texte » nomment des parties de l’interface.
fmt-summary-imported = « { $file } » : { $count ->
        [one] { $count } annotation importée
       *[other] { $count } annotations importées
    }
fmt-summary-kept = « { $file } » : { $count ->
        [one] { $count } annotation conservée en attente de son texte, qui n’est pas dans ce navigateur : voir Bibliothèque → En attente de leur texte (elle y sera placée dès qu’il sera ajouté)
       *[other] { $count } annotations conservées en attente de leur texte, qui n’est pas dans ce navigateur : voir Bibliothèque → En attente de leur texte (elles y seront placées dès qu’il sera ajouté)
    }
fmt-summary-reanchored = { $count ->
        [one] { $count } retrouvée par sa citation, le texte ayant changé
       *[other] { $count } retrouvées par leur citation, le texte ayant changé
    }
fmt-summary-orphans = { $count ->
        [one] { $count } n’a pas pu être placée dans le texte et est conservée comme orpheline
       *[other] { $count } n’ont pas pu être placées dans le texte et sont conservées comme orphelines
    } : voir « Introuvables dans ce texte » à côté du document
fmt-summary-waiting = { $count ->
        [one] { $count } introuvable
       *[other] { $count } introuvables
    } : leur texte n’est pas dans ce navigateur ; voir Bibliothèque → En attente de leur texte (elles y seront placées dès qu’il sera ajouté)
fmt-summary-skipped = { $count ->
        [one] { $count } ignorée car déjà présente
       *[other] { $count } ignorées car déjà présentes
    }
fmt-summary-documents = { $count ->
        [one] { $count } document ajouté
       *[other] { $count } documents ajoutés
    }
# $names : jusqu’à dix noms de codes, joints par « , ».
fmt-summary-codes = { $count ->
        [one] { $count } nouveau code
       *[other] { $count } nouveaux codes
    } : { $names }
# $more : combien de noms au-delà des dix cités.
fmt-summary-codes-more = { $count ->
        [one] { $count } nouveau code
       *[other] { $count } nouveaux codes
    } : { $names } et { $more } de plus
fmt-summary-markup = { $count ->
        [one] { $count } champ contient
       *[other] { $count } champs contiennent
    } du balisage, affiché en texte brut
# $note est la remarque d’un lecteur de format : l’une des remarques ci-dessus.
fmt-summary-note = Remarque : { $note }.

## Les noms des formats dans le menu d’export (les noms de marques et de normes restent tels quels).
fmt-label-project = JSON de GCM Annotator (complet)
fmt-label-csv = Tableur CSV
fmt-label-refi = Projet REFI-QDA (NVivo, ATLAS.ti, MAXQDA, QualCoder)
fmt-label-codebook = Grille de codes REFI-QDA seule (.qdc)

## Les lecteurs de documents (PDF, Word, OpenDocument, pages web), dans leur propre module.
## Une raison ($reason, ou les messages ci-dessous qui commencent par une minuscule) suit « n’a pas été ouvert : ».
## $part et $entry sont des noms de fichiers dans une archive zip (word/document.xml, project.qde).
read-not-opened = « { $name } » n’a pas été ouvert : { $reason }.
read-unknown-kind = « { $name } » n’a pas été ouvert : les lecteurs de documents ne lisent pas ce type de fichier.
read-no-format = l’application n’écrit pas ce format
read-password = il est protégé par un mot de passe, ou c’est un ancien fichier Word (.doc) : enregistrez-le en .docx sans mot de passe et ouvrez ce dernier
read-no-main-part = il n’a pas de { $part }, ce n’est donc pas { $kind ->
        [odt] un texte OpenDocument
       *[docx] un document Word
    } (ou il est endommagé)
read-not-zip = ce n’est pas une archive zip, ou elle est endommagée
read-encrypted = il est chiffré
read-part-compressed = sa partie { $part } est compressée d’une manière que Word et OpenDocument n’utilisent pas
read-part-unreadable = sa partie { $part } ne peut pas être lue
read-part-damaged = sa partie { $part } est endommagée
read-zip-bomb = il se décompresse en plus de { $mb } Mo (une bombe zip ?)
read-part-not-utf8 = sa partie { $part } n’est pas du XML en UTF-8
read-part-doctype = sa partie { $part } déclare un type de document ou des entités, ce que Word et OpenDocument ne font jamais
read-part-malformed = sa partie { $part } est du XML mal formé
read-xml-malformed = son XML est mal formé
read-xml-failed = l’analyseur XML a échoué
read-too-deep = il s’imbrique sur plus de { $depth } niveaux
read-too-nested = il contient trop d’éléments imbriqués trop profondément pour être lu en un temps raisonnable
read-missing = son fichier { $entry } est absent
read-pdf-no-reader = le lecteur de PDF n’a pas pu être chargé (le dossier pdfjs de l’application est-il servi ?)
# $limit est une taille (« 1,5 Mo ») ; $page et $pages sont des numéros de page.
read-pdf-too-large = son texte dépasse la limite de { $limit } (à la page { $page } sur { $pages })
read-pdf-no-password = aucun mot de passe n’a été donné
read-pdf-cancelled = la lecture a été annulée
read-pdf-invalid = ce n’est pas un PDF, ou il est trop endommagé pour être lu
# $reason est le message de pdf.js, en anglais.
read-pdf-failed = pdf.js n’a pas pu le lire ({ $reason })
read-pdf-no-text = il n’a pas de couche de texte (c’est peut-être un document numérisé) ; la reconnaissance de caractères (OCR) n’est pas proposée

## Les fichiers d’autres outils lus pour l’import (brat, CSV, REFI-QDA, le JSON de l’application).
## Ce sont des raisons qui suivent « n’a pas été importé : », ou des remarques du bilan de l’import.
## $line, $row, $start, $end, $length sont des positions dans le fichier ; $name un nom de fichier ;
## les noms de colonnes et d’éléments ($column, $root, $ns, $entry) restent en anglais.
read-brat-no-ann = il ne contient aucun fichier .ann de brat
read-brat-no-txt = « { $name } » n’a pas de « { $stem }.txt » à côté de lui
# $what : une liste comme « 2 relations (R), 1 événements (E) », faite des messages read-brat-skip-.
read-brat-skipped = non lus, car cette application n’a pas de place pour eux : { $what }
read-brat-split = { $count ->
        [one] { $count } segment discontinu (un autre texte entre ses fragments) est devenu un passage par fragment
       *[other] { $count } segments discontinus (un autre texte entre leurs fragments) sont devenus un passage par fragment
    }
read-brat-bad-line = la ligne { $line } de « { $name } » n’est pas une annotation brat
read-brat-span-reversed = ligne { $line } de « { $name } » : son segment { $start }–{ $end } est vide ou inversé
read-brat-skip-notes = autres notes #
read-brat-skip-relations = relations (R)
read-brat-skip-events = événements (E)
read-brat-skip-attributes = attributs (A)
read-brat-skip-normalizations = normalisations (N)
read-brat-skip-equivalences = équivalences (*)
read-brat-skip-other-notes = notes sur autre chose que des annotations de texte
# $counting : l’un des messages read-brat-crlf, read-brat-utf16, read-brat-utf16-crlf.
read-brat-recounted = les positions de « { $name } » ont été lues { $counting } : en points de code, elles ne correspondent pas à son texte
read-brat-crlf = en comptant une fin de ligne CRLF comme un seul caractère, comme le fait le serveur de brat (ticket brat n° 853)
read-brat-utf16 = en unités de code UTF-16, comme les compte le client web de brat (ticket brat n° 1115)
read-brat-utf16-crlf = en unités de code UTF-16 avec une fin de ligne CRLF comptée pour une, comme le fait le client web de brat (tickets brat n° 1115 et 853)
# $document : ce que la ligne nomme.
read-brat-no-document = la ligne { $line } de « { $name } » ne nomme aucun document présent ici (« { $document } »)
read-brat-no-type = la ligne { $line } de « { $name } » n’a pas de type
read-brat-span-past-end = ligne { $line } de « { $name } » : son segment { $start }–{ $end } dépasse la fin du texte ({ $length } caractères)
# $quote : le texte que la ligne cite ; $found : le texte à ses positions.
read-brat-quote-differs = ligne { $line } de « { $name } » : son texte « { $quote } » n’est pas celui que le .txt contient à ses positions (« { $found } »)
read-brat-lone-conf = c’est une configuration brat sans fichier .ann
read-lone-text = c’est un texte sans fichier .ann de brat du même nom ; pour l’annoter, ouvrez-le comme document
read-unknown-file = l’application ne lit pas ce type de fichier
read-not-utf8 = { $name } n’est pas du texte UTF-8
read-csv-unclosed = la ligne { $row } a une cellule entre guillemets qui n’est jamais fermée
# $column : « start » ou « end » (les noms de colonnes du CSV) ; $value : la cellule.
read-csv-not-number = ligne { $row } : sa valeur { $column } « { $value } » n’est pas un nombre
read-csv-empty = il est vide
# $header : la ligne d’en-tête attendue, telle que le CSV l’écrit.
read-csv-no-header = sa première ligne n’est pas l’en-tête de l’export CSV de cette application ({ $header })
read-csv-width = la ligne { $row } a { $cells } cellules, et non { $width }
read-csv-no-document = la ligne { $row } ne nomme aucun document
read-csv-no-tag = la ligne { $row } n’a pas d’étiquette
read-csv-span-reversed = ligne { $row } : son segment { $start }–{ $end } est vide ou inversé
read-csv-half-span = la ligne { $row } doit avoir à la fois un début et une fin, ou ni l’un ni l’autre
read-csv-bad-date = ligne { $row } : sa date de création « { $value } » n’est pas une date
read-zip-too-many = { $count } fichiers, c’est plus que ce que contient une archive zip ({ $max })
read-zip-too-large = l’archive dépasserait 4 Go
# $error : le message de l’analyseur JSON, en anglais.
read-json-error = ce n’est pas le JSON du projet : { $error }
read-json-not-project = ce n’est pas le JSON du projet
read-json-newer = il a été écrit par une version plus récente de l’application (version de format { $version } ; celle-ci lit la { $reads })
read-json-bad-time = une date « { $time } » n’est pas une date ISO 8601
read-json-no-offsets = l’annotation « { $id } » n’a pas de positions
read-refi-doctype = son fichier { $entry } déclare un type de document ou des entités, ce que REFI-QDA n’utilise jamais
read-refi-not-utf8 = sa source { $entry } n’est pas du texte UTF-8
# $what : « project » ou « codebook » ; $root et $name sont des noms d’éléments XML.
read-refi-root = ce n’est pas { $what ->
        [codebook] une grille de codes
       *[project] un projet
    } REFI-QDA : son élément racine est <{ $root }>, et non <{ $name }>
read-refi-namespace = ce n’est pas { $what ->
        [codebook] une grille de codes
       *[project] un projet
    } REFI-QDA : son espace de noms est « { $found } », et non { $ns }
read-refi-no-namespace = ce n’est pas { $what ->
        [codebook] une grille de codes
       *[project] un projet
    } REFI-QDA : il n’a pas d’espace de noms, au lieu de { $ns }
read-refi-code-guid = le code « { $code } » n’a pas de GUID valide
read-refi-undeclared = un codage renvoie au code { $code }, que sa grille de codes ne déclare pas
# $selection est un GUID ; $name un nom d’attribut (startPosition, endPosition).
read-refi-position = la sélection { $selection } n’a pas de { $name } valide
read-refi-reversed = la sélection { $selection } de « { $source } » commence à { $start }, après sa fin à { $end }
read-refi-other-sources = { $count ->
        [one] { $count } source qui n’est pas du texte (PDF, image, audio ou vidéo) a été ignorée
       *[other] { $count } sources qui ne sont pas du texte (PDF, image, audio ou vidéo) ont été ignorées
    }
read-refi-no-text = le texte de la source « { $source } » (sources/{ $file }) est absent
read-refi-past-end = la sélection { $selection } de « { $source } » se termine à { $end }, au-delà de la fin de son texte ({ $length } caractères)
read-refi-uncoded = { $count ->
        [one] { $count } sélection sans code (un mémo) a été ignorée
       *[other] { $count } sélections sans code (des mémos) ont été ignorées
    }
read-refi-outside = { $count ->
        [one] { $count } source dont le texte se trouve hors du .qdpx (un chemin relatif ou absolu) a été ignorée, avec ses codages
       *[other] { $count } sources dont le texte se trouve hors du .qdpx (un chemin relatif ou absolu) ont été ignorées, avec leurs codages
    }
read-refi-crlf = les fins de ligne CRLF de ses textes ont été lues comme un seul caractère chacune, comme les compte ATLAS.ti

# Le choix du panneau Exporter : le travail de ce profil seul, ou tout (issue 22).
transfer-everything = Tout, y compris les annotations qui n’ont pas été faites dans ce navigateur
transfer-left-out = { $count ->
        [one] { $count } annotation qui n’a pas été faite dans ce navigateur (importée, ou donnée en exemple) est laissée de côté.
       *[other] { $count } annotations qui n’ont pas été faites dans ce navigateur (importées, ou données en exemple) sont laissées de côté.
    }
