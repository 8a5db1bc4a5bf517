## Les messages du cœur de l’application : avis, refus et raisons, et ceux du navigateur
## sur les fichiers, l’enregistrement et les exports. $name, $title, $same et $into sont
## des noms déjà isolés (bidi) : écrire les guillemets autour.
## $reason est un fragment de phrase venu d’ailleurs (souvent les mots du navigateur).

## Tailles. $n est un nombre (les mégaoctets avec une décimale au plus).
core-size-mb = { $n } Mo
core-size-kb = { $n } ko
core-size-bytes = { $n ->
    [one] { $n } octet
   *[other] { $n } octets
}
# Joint une liste : $rest en est tous les éléments sauf le dernier, déjà joints par « , ».
core-and = { $rest } et { $last }
core-no-module = la partie de l’application qui écrit ce format n’a pas pu être chargée : elle a besoin du réseau la première fois, puis fonctionne aussi hors ligne

## La page affichée quand l’application s’arrête sur un bogue.
core-crash-title = Une erreur est survenue dans GCM Annotator
core-crash-text = L’application s’est arrêtée à cause d’un bogue. Votre travail enregistré dans ce navigateur est en sécurité et sera là quand vous rechargerez la page. Pour garder une copie de tout ce qui était à l’écran, y compris les modifications pas encore enregistrées, exportez-le maintenant.
core-crash-export = Exporter mon travail
core-crash-reload = Recharger l’application

## Avis regroupés sous un titre.
notice-files-refused = { $count ->
    [one] { $count } fichier refusé
   *[other] { $count } fichiers refusés
}
notice-problems = { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
}

## Documents : ouverture de fichiers, texte collé, lignes de la bibliothèque.
doc-unsupported = « { $name } » n’a pas été ouvert : l’application lit le texte brut (.txt), Markdown (.md), PDF (.pdf), Word (.docx), OpenDocument (.odt) et les pages web (.html).
doc-not-utf8 = « { $name } » n’a pas été ouvert : ce n’est pas du texte UTF-8 (le premier octet invalide est à la position { $at }). Enregistrez-le en UTF-8 et réessayez.
doc-not-utf16 = « { $name } » n’a pas été ouvert : il commence comme du texte UTF-16 mais n’est pas de l’UTF-16 valide. Enregistrez-le en UTF-8 et réessayez.
doc-binary = « { $name } » n’a pas été ouvert : il semble contenir des données binaires (surtout des caractères de contrôle), pas du texte.
doc-empty = « { $name } » n’a pas été ouvert : il est vide.
doc-no-text = « { $name } » n’a pas été ouvert : il ne contient aucun texte à annoter.
# $size et $limit sont des tailles (core-size-…).
doc-too-large = « { $name } » n’a pas été ouvert : il fait { $size }, au-delà de la limite de { $limit }.
doc-text-too-large = « { $name } » n’a pas été ouvert : son texte fait { $size }, au-delà de la limite de { $limit }.
# La ligne de la bibliothèque sous un document lu d’un fichier. $kind : "PDF",
# "Word document"… ; $name : le nom du fichier (non isolé) ; $pages : le nombre de pages
# (0 : rien n’est dit).
doc-source = Votre fichier { $name } ({ $kind }), { $size }{ $pages ->
    [0] {""}
    [one] , { $pages } page
   *[other] , { $pages } pages
}
doc-your-file = Votre fichier { $name }, { $size }
# Le titre d’un texte collé sans titre.
doc-pasted = Texte collé
doc-pasted-size = Texte collé, { $size }
# $opens vaut "yes" quand ce document est ouvert maintenant.
doc-known = « { $name } » est déjà dans la bibliothèque, sous le titre « { $same } »{ $opens ->
    [yes] : c’est celui-là qui est ouvert, avec ses annotations
   *[no] {""}
}.
doc-added = { $count ->
    [one] { $count } document ajouté.
   *[other] { $count } documents ajoutés.
}
# Les titres des textes fournis et leur description d’une ligne dans la bibliothèque (les
# textes eux-mêmes restent dans leur langue).
doc-seed-about-0 = La page web de l’OIM Finlande : qui est l’OIM, l’adoption du Pacte mondial et la liste complète de ses 23 objectifs.
doc-seed-about-1 = Une discussion trilingue (anglais, français, espagnol) du Migration Network Hub sur les actions en faveur des objectifs.
doc-seed-about-2 = La page web de l’OIM avec le rapport 2018 du Directeur général au Conseil : soutien aux migrants, situations d’urgence, travail avec les États.
doc-seed-about-3 = Une note d’information pour le Forum d’examen des migrations internationales de 2022 : le Pacte mondial en bref, ses principes, ses objectifs et le Réseau.
doc-seed-about-4 = Un article d’encyclopédie sur le Groupe mondial sur la migration, le groupe interinstitutions qui a précédé le Réseau des Nations Unies sur les migrations.

## Lecture et import de fichiers.
open-reading = Lecture de « { $name } »
open-reading-pages = Lecture de « { $name } », pages
open-unreadable = « { $name } » n’a pas pu être lu : { $reason }.
open-busy = « { $name } » n’a pas été ouvert : un autre PDF est en cours de lecture ; ouvrez celui-ci une fois la lecture terminée.
open-no-readers = « { $name } » n’a pas été ouvert : la partie de l’application qui lit ce type de fichier n’a pas pu être chargée. Elle a besoin du réseau la première fois, puis fonctionne aussi hors ligne.
import-reading-files = Lecture des fichiers
# $what : ce qui est compté, p. ex. "annotations placed".
import-progress = Import de « { $name } », { $what }
import-too-large = « { $name } » n’a pas été importé : il fait { $size }, au-delà de la limite d’import de { $limit }. Rien n’a été modifié.
import-refused = « { $name } » n’a pas été importé : { $reason }. Rien n’a été modifié.
# Ajouté au résumé d’un import.
import-skipped-now = { $count ->
    [one] { $count } autre était déjà là, venue d’un fichier importé juste avant.
   *[other] { $count } autres étaient déjà là, venues d’un fichier importé juste avant.
}
import-lost = { $count ->
    [one] Le dernier import de { $count } annotation depuis « { $name } » n’a pas été enregistré ; importez de nouveau le fichier.
   *[other] Le dernier import de { $count } annotations depuis « { $name } » n’a pas été enregistré ; importez de nouveau le fichier.
}

## Exports.
export-done = { $count ->
    [one] { $count } annotation exportée vers « { $name } ».
   *[other] { $count } annotations exportées vers « { $name } ».
}
export-codebook = { $count ->
    [one] Livre de codes exporté (les 33 étiquettes du Pacte mondial et { $count } code à vous) vers « { $name } ».
   *[other] Livre de codes exporté (les 33 étiquettes du Pacte mondial et { $count } codes à vous) vers « { $name } ».
}
# Suit export-done quand le fichier est trop gros pour être réimporté.
export-too-large = Il fait { $size }, et l’application importe des fichiers de { $limit } au plus : pour pouvoir réimporter ce travail, exportez aussi chaque document séparément.
export-failed = L’export a échoué : { $reason }.
export-to-failed = L’export vers « { $name } » a échoué : { $reason }.
export-not-prepared = le navigateur n’a pas pu préparer le fichier

## Enregistrement et stockage. Ceux en minuscules sont des raisons insérées dans d’autres messages.
save-failed = Vos dernières modifications n’ont pas pu être enregistrées dans ce navigateur ({ $reason }). Elles sont conservées tant que cette page reste ouverte : exportez-les pour en garder une copie.
save-lost = { $count ->
    [one] Votre dernière modification n’a pas été enregistrée avant la fermeture de la page ; refaites-la.
   *[other] Vos { $count } dernières modifications n’ont pas été enregistrées avant la fermeture de la page ; refaites-les.
}
storage-unavailable = Ce navigateur ne laisse l’application rien conserver ({ $reason }) ; les données de site sont peut-être bloquées pour cette page. Vous pouvez travailler normalement, mais rien n’est conservé une fois la page fermée : exportez votre travail pour en garder une copie.
# Pourquoi un enregistrement stocké n’a pas été lu.
storage-newer = il a été enregistré par une version plus récente de l’application (schéma { $schema }) ; il est conservé tel quel
storage-damaged = il est endommagé ({ $reason }) ; il est conservé tel quel
storage-refused-open = son stockage a refusé de s’ouvrir : { $reason }
storage-read-failed = la lecture du stockage a échoué : { $reason }
storage-document-lost = un document stocké n’a pas été chargé : { $reason }
storage-chunk-lost = un lot d’annotations stocké n’a pas été chargé : { $reason }
storage-settings-lost = les réglages n’ont pas été chargés : { $reason }
storage-codes-lost = vos propres codes n’ont pas été chargés : { $reason }
# Pourquoi des modifications n’ont pas été enregistrées.
storage-full = l’espace de stockage du navigateur pour cette page est plein
storage-refused-write = le navigateur a refusé de les écrire ; son espace de stockage est peut-être plein
storage-refused-store = le navigateur a refusé de les stocker : { $reason }
storage-taken-over = un autre onglet a pris la main sur l’édition avant qu’elles soient écrites

## Onglets et progression.
session-other-tab = Cet annotateur est ouvert en édition dans un autre onglet. Celui-ci est en lecture seule.
session-moved = L’édition est passée à un autre onglet. Celui-ci est en lecture seule.
# « Modifier ici plutôt » est le bouton du bandeau.
session-read-only = Non modifié : cet onglet est en lecture seule, car l’annotateur est ouvert en édition dans un autre onglet. Choisissez « Modifier ici plutôt » pour modifier dans celui-ci.
# $label : ce qui est en cours, p. ex. Lecture de « a.json ».
session-percent = { $label } : { $percent } %
session-progress = { $label } : { $done } sur { $total }
# Pour les lecteurs d’écran en passant à l’annotation suivante ; $what est edit-describe.
session-step = Annotation { $n } sur { $total } : { $what }

## Annoter.
edit-needs-tag = Choisissez au moins un objectif ou un principe.
edit-needs-name = Saisissez votre nom : il est enregistré avec vos annotations.
edit-needs-name-first = Indiquez d’abord votre nom (barre du haut) : il est enregistré avec chaque annotation.
edit-no-tags = choisissez au moins un objectif ou un principe
edit-empty-span = la sélection ne contient aucun texte à annoter
edit-out-of-range = le passage { $start }–{ $end } sort du texte ({ $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
})
edit-unknown-tag = « { $name } » n’est ni un objectif ni un principe du Pacte mondial
edit-not-saved = Non enregistré : { $reason }.
edit-deleted = Annotation supprimée.
undo-elsewhere = Annuler a modifié « { $title } ».
redo-elsewhere = Rétablir a modifié « { $title } ».
# Une annotation pour les lecteurs d’écran : $tags les noms de ses étiquettes joints par « ; », $quote son texte.
edit-describe = { $tags }. « { $quote } »
edit-describe-note = { $tags }. « { $quote } ». Note : { $note }

## Champs dont le texte est coupé à une limite. $field : name, title, note, code-name, instructions.
field-noun = { $field ->
    [name] nom
    [title] titre
    [note] note
    [code-name] nom de code
   *[instructions] consignes
}
field-clipped = { $field ->
    [name] Le nom a été coupé à { $limit } caractères.
    [title] Le titre a été coupé à { $limit } caractères.
    [note] La note a été coupée à { $limit } caractères.
    [code-name] Le nom du code a été coupé à { $limit } caractères.
   *[instructions] Les consignes ont été coupées à { $limit } caractères.
}
# Un élément de la liste de field-cut-summary.
field-cut-count = { $field ->
    [name] { $count ->
        [one] { $count } nom d’annotateur
       *[other] { $count } noms d’annotateur
    }
    [title] { $count ->
        [one] { $count } titre
       *[other] { $count } titres
    }
    [note] { $count ->
        [one] { $count } note
       *[other] { $count } notes
    }
    [code-name] { $count ->
        [one] { $count } nom de code
       *[other] { $count } noms de code
    }
   *[instructions] { $count ->
        [one] { $count } jeu de consignes
       *[other] { $count } jeux de consignes
    }
}
# $list : les éléments field-cut-count joints ; $count : combien de valeurs en tout.
field-cut-summary = { $count ->
    [one] Trop long, coupé à la limite : { $list }
   *[other] Trop longs, coupés aux limites : { $list }
}

## Codes personnels.
code-error-empty = un code doit avoir un nom
# $by : code-by-objective, code-by-principle ou code-by-own.
code-error-taken = « { $name } » est déjà le nom de { $by }
code-error-parent = il n’y a pas de code « { $name } » sous lequel l’imbriquer
code-error-cycle = un code ne peut pas être imbriqué sous lui-même ni sous ses propres sous-codes
code-error-not-own = « { $name } » ne fait pas partie de vos codes ; les objectifs et principes du Pacte mondial ne peuvent pas être modifiés
code-error-too-many = un livre de codes contient au plus { $count } codes personnels
code-by-objective = l’objectif { $number } du Pacte mondial
code-by-principle = un principe directeur du Pacte mondial
code-by-own = votre code « { $name } »
code-refused = Non modifié : { $reason }.
code-locked = Vos codes ne peuvent pas être modifiés dans cette session : le livre de codes stocké n’a pas été chargé ({ $reason }). Exportez votre travail, puis rechargez ou mettez à jour l’application.
code-merged = { $count ->
    [one] « { $name } » fusionné dans « { $into } » ({ $count } annotation modifiée).
   *[other] « { $name } » fusionné dans « { $into } » ({ $count } annotations modifiées).
}
# $consequence : code-use ou code-use-none.
code-deleted = Code « { $name } » supprimé. { $consequence }
# $subs : code-subs précédé d’une espace, ou rien.
code-subs = { $count ->
    [one] Son sous-code remonte à sa place.
   *[other] Ses { $count } sous-codes remontent à sa place.
}
code-use-none = Aucune annotation ne le porte.{ $subs }
# Éléments de $parts dans code-use.
code-use-kept = { $count ->
    [one] { $count } garde ses autres codes
   *[other] { $count } gardent leurs autres codes
}
code-use-gone = { $count ->
    [one] { $count } n’a pas d’autre code et est supprimée
   *[other] { $count } n’ont pas d’autre code et sont supprimées
}
code-use = { $count ->
    [one] { $count } annotation le porte : { $parts }.{ $subs } Annuler rétablit tout.
   *[other] { $count } annotations le portent : { $parts }.{ $subs } Annuler rétablit tout.
}

## Annotations en attente de leur texte, placées quand il arrive. $what : placed, not-found, already.
waiting-from = {" "}de « { $name } »
waiting-first = { $count ->
    [one] { $count } annotation{ $from } { $what ->
        [placed] a été placée sur
        [not-found] n’a pas été trouvée dans
       *[already] était déjà sur
    }
   *[other] { $count } annotations{ $from } { $what ->
        [placed] ont été placées sur
        [not-found] n’ont pas été trouvées dans
       *[already] étaient déjà sur
    }
} « { $title } »
waiting-more = { $count ->
    [one] { $count } { $what ->
        [placed] a été placée sur
        [not-found] n’a pas été trouvée dans
       *[already] était déjà sur
    }
   *[other] { $count } { $what ->
        [placed] ont été placées sur
        [not-found] n’ont pas été trouvées dans
       *[already] étaient déjà sur
    }
} « { $title } »
waiting-hint = {" "}(voir les annotations introuvables dans ce texte, à côté)
# $parts : waiting-first puis waiting-more, joints par « ; » ; $hint : waiting-hint ou rien.
waiting-said = { $parts }{ $hint }.
waiting-deleted = { $count ->
    [one] { $count } annotation en attente supprimée.
   *[other] { $count } annotations en attente supprimées.
}
