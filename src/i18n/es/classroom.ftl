## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = «{ $name }» pertenece a otra tarea ({ $theirs }) que los archivos cargados ({ $ours }): no se cargó.
class-repeats = «{ $name }» repite «{ $other }»: el mismo anotador o anotadora y las mismas anotaciones. No se cargó de nuevo.
class-named-apart = «{ $name }»: { $annotator } también envió «{ $other }», con otras anotaciones. Se conservan ambos, con nombres distintos.
class-none-of = «{ $name }» no contiene anotaciones de «{ $title }»: { $annotator } cuenta con cero anotaciones.
class-rule-exact = Coincidencia exacta: un pasaje coincide con el que tiene el mismo inicio y el mismo final.
class-rule-overlap = Coincidencia uno a uno: cada pasaje de la clave de respuestas coincide como máximo con un pasaje del estudiante, primero el de mayor solapamiento (en caso de empate, el que empieza antes).
