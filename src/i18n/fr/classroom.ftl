## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = « { $name } » appartient à une autre consigne ({ $theirs }) que les fichiers chargés ({ $ours }) : il n’a pas été chargé.
class-repeats = « { $name } » répète « { $other } » : le même annotateur ou la même annotatrice, les mêmes annotations. Il n’a pas été chargé une seconde fois.
class-named-apart = « { $name } » : { $annotator } a aussi envoyé « { $other } », avec d’autres annotations. Les deux sont gardés, sous des noms distincts.
class-none-of = « { $name } » ne contient aucune annotation de « { $title } » : { $annotator } compte avec zéro annotation.
class-rule-exact = Correspondance exacte : un passage correspond à celui qui a le même début et la même fin.
class-rule-overlap = Correspondance un à un : chaque passage de la clé de correction correspond au plus à un passage de l’élève, le plus grand chevauchement d’abord (à égalité : celui qui commence le plus tôt).
