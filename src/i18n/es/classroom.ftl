## The classroom: Compare's files, per-student scores, agreement (issue 22).

## Compare's core
class-other-assignment = «{ $name }» pertenece a otra tarea que los archivos cargados, como «{ $ours }»: no se cargó.
class-other-handout = «{ $name }» pertenece a otra tarea que «{ $ours }», la tarea en Comparar: no se cargó.
class-repeats = «{ $name }» repite «{ $other }»: el mismo anotador o anotadora y las mismas anotaciones. No se cargó de nuevo.
class-named-apart = «{ $name }»: { $annotator } también envió «{ $other }», con otras anotaciones. Se conservan ambos, con nombres distintos.
class-none-of = «{ $name }» no contiene anotaciones de «{ $title }»: { $annotator } cuenta con cero anotaciones.
class-rule-exact = Coincidencia exacta: un pasaje coincide con el que tiene el mismo inicio y el mismo final.
class-rule-overlap = Coincidencia uno a uno: cada pasaje de la clave de respuestas coincide como máximo con un pasaje del estudiante, primero el de mayor solapamiento (en caso de empate, el que empieza antes).

## Compare's view
# El botón que añade exportaciones a la comparación (los archivos que ya están se quedan).
compare-add = Añadir archivos…
# Tras el nombre de un anotador o anotadora en la lista de archivos.
compare-maker-count = { $count ->
    [one] { $count } anotación
   *[other] { $count } anotaciones
}
# Tras compare-maker-count: los ejemplos entregados con la tarea, trabajo de nadie.
compare-given = { $count ->
    [one] , { $count } ejemplo entregado (no se cuenta)
   *[other] , { $count } ejemplos entregados (no se cuentan)
}
compare-remove = Quitar
compare-remove-file = Quitar «{ $name }» de la comparación
compare-remove-confirm = ¿Quitar «{ $name }» de la comparación? Sus anotadores dejan de compararse. El archivo en sí no se toca: puede añadirlo de nuevo.
compare-coded-only = Acuerdo solo sobre el texto codificado
compare-over-all = Calculado sobre cada carácter del texto.
compare-over-coded = Calculado sobre los caracteres que al menos un anotador o anotadora etiquetó: el texto que nadie etiquetó, en el que todos coinciden, no cuenta.
# Encabezados de la tabla de acuerdo: cortos, con el nombre completo al pasar el puntero y en la leyenda.
compare-used-by = Usada por
    .title = Cuántos anotadores y anotadoras usaron la etiqueta
compare-fleiss = κ
    .title = Kappa de Fleiss: todos los anotadores juntos
compare-alpha = α
    .title = Alfa de Krippendorff, nominal: todos los anotadores juntos
# Una columna del κ de Cohen entre dos anotadores, por su número en la lista de archivos;
# el título los nombra.
compare-cohen-pair = κ { $first }·{ $second }
    .title = Kappa de Cohen entre { $first } y { $second }
compare-cohen-mean = κ media
    .title = Media del kappa de Cohen en todos los pares de anotadores
compare-legend = κ: kappa de Fleiss, todos los anotadores juntos. α: alfa de Krippendorff, nominal. κ 1·2: kappa de Cohen entre los anotadores 1 y 2, numerados como en la lista de archivos. Usada por: cuántos anotadores y anotadoras usaron la etiqueta.
compare-legend-mean = κ: kappa de Fleiss, todos los anotadores juntos. α: alfa de Krippendorff, nominal. κ media: la media del kappa de Cohen en todos los pares de anotadores. Usada por: cuántos anotadores y anotadoras usaron la etiqueta.
compare-disagreements-rule = No se listan: un tramo sin letras ni cifras (un espacio, puntuación), ni una diferencia de 2 caracteres como mucho en el borde de un pasaje.
compare-zero-division = Una parte sin nada que dividir cuenta 0, en micro y en macro (como zero_division=0 de scikit-learn): un estudiante sin pasajes obtiene 0. — solo cuando ni el estudiante ni la clave tienen pasajes.
compare-legend-folded = κ: kappa de Fleiss, todos los anotadores juntos. α: alfa de Krippendorff, nominal. κ media: la media del kappa de Cohen en todos los pares de anotadores; la de cada par está en «κ de Cohen de cada par», donde κ 1·2 son los anotadores 1 y 2, numerados como en la lista de archivos. Usada por: cuántos anotadores y anotadoras usaron la etiqueta.
compare-pairs-table = Kappa de Cohen por par de anotadores
compare-pairs-toggle = κ de Cohen de cada par ({ $count })
compare-students-legend = P: precisión, la parte de los pasajes del estudiante que coinciden con uno de la clave. R: exhaustividad, la parte de los pasajes de la clave que el estudiante encontró. F1: la media armónica de ambas. Micro: cada pasaje cuenta lo mismo; macro: cada etiqueta cuenta lo mismo.
compare-kappa-alpha = κ (kappa) y α (alfa) miden cuánto coinciden los anotadores más allá de lo que daría el azar: 1 es acuerdo total, 0 no es mejor que el azar, por debajo de 0 es peor que el azar.
# La tabla de las puntuaciones globales de cada estudiante frente a la clave de respuestas.
compare-students = Estudiantes frente a la clave de respuestas
compare-student = Estudiante
compare-passages = Pasajes
compare-micro = Micro
    .title = Promedio micro: cada pasaje cuenta lo mismo
compare-macro = Macro
    .title = Promedio macro: cada etiqueta cuenta lo mismo
compare-p = P
    .title = Precisión: la parte de los pasajes del estudiante que coinciden con uno de la clave
compare-r = R
    .title = Exhaustividad: la parte de los pasajes de la clave que el estudiante encontró
compare-f = F1
    .title = F1: la media armónica de la precisión y la exhaustividad
# El nombre completo de una columna ordenable: «Precisión (Micro)».
compare-column = { $column } ({ $average })
storage-class-lost = No se pudo volver a leer un archivo de la comparación: { $reason }

compare-no-module = No se pudo cargar la comparación: necesita la red la primera vez que se abre y después funciona sin conexión.
compare-crashed = La comparación y el formulario de tarea se detuvieron por un error. Sus archivos de la comparación se conservan: recargue la página para volver a usarlos.
compare-remove-unread-confirm = ¿Quitar este archivo de la comparación que no se puede leer? No se podrá recuperar; el archivo que cargó sigue en su disco.
compare-scope-file = { $count ->
    [one] La tarea: { $count } etiqueta incluida
   *[other] La tarea: { $count } etiquetas incluidas
}
compare-scope-twice = «{ $name }» es una tarea, y la comparación ya tiene una para este texto: quite primero esa. No se cargó.
compare-scored-within = { $count ->
    [one] Puntuación sobre la etiqueta que repartió «{ $name }».
   *[other] Puntuación sobre las { $count } etiquetas que repartió «{ $name }».
}
compare-left-out = Los pasajes de la clave con otras etiquetas no se cuentan: { $tags }.
compare-add-assignment = Estos archivos se hicieron para una tarea. Añada su archivo (el que repartió) para puntuar a los alumnos solo con las etiquetas que les ofrecía.
compare-remove-scope-confirm = ¿Quitar la tarea «{ $name }» de la comparación? Los alumnos se puntúan entonces con todas las etiquetas de la clave. El archivo sigue donde está.
class-handout-other-text = «{ $name }» reparte otros textos que este: no se cargó.
compare-key-own = Sus propias anotaciones en este navegador también sirven de clave: expórtelas (Exportar, este documento) y añada el archivo aquí.
