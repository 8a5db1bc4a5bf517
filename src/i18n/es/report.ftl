## El informe impreso (issue 23): las anotaciones de un documento, o las puntuaciones y el
## acuerdo de una clase, en papel.

# El botón junto a la lista de anotaciones y en la comparación.
report-print = Imprimir informe
# Sobre el título: de qué es el informe.
report-of-document = Anotaciones de un documento
report-of-class = Una clase comparada
# Bajo el título: la fecha de impresión (escrita como la lengua escribe una fecha larga), y
# de quién son las anotaciones (sus nombres, tal como los dieron).
report-printed = Impreso el { $date }
report-annotated-by = Anotado por
report-counts = Recuentos
report-total = Todos los pasajes
report-counts-legend = Un pasaje etiquetado con varios códigos cuenta en cada uno de ellos, y una vez en el total.
report-annotations = Anotaciones por código
# Tras el nombre de un código, sobre sus pasajes.
report-passages = { $count ->
    [one] { $count } pasaje
   *[other] { $count } pasajes
}
# Encabezados de las columnas de los pasajes de un código.
report-page = Página
report-quote = Pasaje
report-note = Nota
# Tras el nombre de un anotador o una anotadora en el informe de una clase.
report-from-file = { $count ->
    [one] { $count } anotación, de «{ $name }»
   *[other] { $count } anotaciones, de «{ $name }»
}
report-key = Se puntúa a todos respecto a { $name }.
report-gold = { $curators } hizo la referencia en Comparar, decidiendo pasaje por pasaje entre las versiones de los anotadores. { $settled } de { $count } pasajes tienen texto en ella; los otros { $open } no (decididos como «ninguno», o aún sin decidir), y un pasaje de un estudiante allí cuenta como añadido.
report-no-key = No se ha elegido una clave de respuestas: elija una en la comparación para imprimir las puntuaciones de cada estudiante.
# Encabezado de columna de los desacuerdos: quién etiquetó el pasaje.
report-tagged-by = Etiquetado por
report-failed = No se pudo imprimir el informe: necesita la red la primera vez y después funciona sin conexión.
report-no-module = No se pudo cargar el informe: necesita la red la primera vez y después funciona sin conexión.
report-none = Todavía no hay anotaciones en este documento.
