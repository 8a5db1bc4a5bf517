## The assignment a teacher hands out, and what a student sees of it (issue 22).

## Lecture d’un fichier de devoir. Ces deux messages complètent « “fichier” n’a pas été importé : … ».
assign-newer = son devoir a été écrit par une version plus récente de l’application (version de devoir { $version } ; celle-ci lit la { $reads })
assign-no-id = son devoir n’a pas d’identifiant
# $field est la clé du bloc du devoir, laissée en anglais.
assign-bad-field = le champ « { $field } » de son devoir n’est pas conforme au format
assign-cut = La consigne du devoir dans « { $file } » a été coupée à { $limit } caractères.
assign-unknown-tags = { $count ->
    [one] Le devoir dans « { $file } » nomme une étiquette que cette application n’a pas ; elle a été laissée de côté : { $tags }.
   *[other] Le devoir dans « { $file } » nomme { $count } étiquettes que cette application n’a pas ; elles ont été laissées de côté : { $tags }.
}
assign-no-tags-left = Il ne reste aucune étiquette de son périmètre : toutes les étiquettes sont proposées.
# $new et $old nomment deux devoirs (par le titre de leur premier texte).
assign-replaced = Le devoir « { $new } » remplace le devoir « { $old } ». Toutes vos annotations sont conservées.
# $reason dit pourquoi, dans les mots du stockage.
assign-stored-lost = le devoir sur lequel vous travailliez n’a pas été chargé : { $reason }

## Ce que voit l’étudiant ou l’étudiante.
assign-instructions = Consigne du devoir
assign-suggestions-off = Le devoir a désactivé les suggestions.
# A small label on an annotation handed out with an assignment.
assign-given = exemple donné

## La partie « devoir » du panneau Exporter, pour l’enseignant ou l’enseignante.
assign-form-title = Distribuer comme devoir…
assign-form-about = Un fichier que les étudiants ouvriront : les textes, votre consigne et les étiquettes retenues, sans vos annotations, sauf si vous les incluez.
assign-form-texts = Textes
assign-form-instructions = Consigne
assign-form-scope = Étiquettes retenues
assign-form-all = Toutes
assign-form-none = Aucune
assign-form-objectives = Objectifs
assign-form-principles = Principes directeurs
assign-form-own = Vos propres codes
assign-form-suggestions = Autoriser les suggestions
assign-form-examples = Inclure mes annotations comme exemples donnés
assign-form-not-ready = Choisissez au moins un texte et une étiquette.
assign-form-download = Télécharger le devoir
assign-no-document = Le devoir n’a pas été exporté : aucun de ses textes n’est dans la bibliothèque.
assign-exported = { $count ->
    [0] Devoir exporté vers « { $name } », sans annotations.
    [one] Devoir exporté vers « { $name } », avec { $count } exemple donné.
   *[other] Devoir exporté vers « { $name } », avec { $count } exemples donnés.
}
assign-no-module = Le formulaire de devoir n’a pas pu être chargé : il a besoin du réseau la première fois qu’il s’ouvre, puis il fonctionne hors ligne.
assign-opened = Devoir ouvert depuis « { $file } » : ses consignes sont au-dessus du texte, et la palette propose les étiquettes retenues.
