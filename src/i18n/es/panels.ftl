## Los paneles laterales: lista de anotaciones, libro de códigos, comparación, sugerencias, exportación.

## La lista de anotaciones junto al texto.

# Enlaces, encima de la lista, a los demás paneles.
list-open-codebook = Libro de códigos…
list-open-suggestions = Sugerencias…
list-open-compare = Comparar anotadores…
# La vuelta a la lista desde cada uno de los demás paneles.
list-back = Volver a mis anotaciones
# El título de la lista; le sigue un número.
list-title = Anotaciones
# El número junto al título cuando un filtro o una búsqueda ocultan anotaciones.
list-count-filtered = { $shown } de { $all }
list-empty = Ninguna todavía. Seleccione un pasaje del texto para etiquetarlo con un objetivo o un principio rector.
list-search = Buscar anotaciones
    .placeholder = Buscar en citas y notas
list-filter-label = Filtrar por etiqueta
# Lo leen los lectores de pantalla antes del botón de filtro de una etiqueta: «Filtro: 17 Eliminar la discriminación, 3».
list-filter-prefix = Filtro:
list-show-all = Mostrar todas las anotaciones
list-show-earlier = { $count ->
    [one] Mostrar { $count } anotación anterior
   *[other] Mostrar las { $count } anotaciones anteriores
}
# $next entradas de las $more que aún no se muestran (la lista muestra 150 cada vez).
list-show-next = Mostrar las { $next } siguientes de { $more } restantes
# Una anotación que etiqueta el documento completo, en lugar de un pasaje citado.
list-whole-document = El documento completo
# Un pasaje citado en la lista ($quote es un extracto recortado del texto).
list-quote = «{ $quote }»
list-edit = Editar
    .label = Editar la anotación
list-delete = Eliminar
    .label = Eliminar la anotación
# Anotaciones importadas cuyo pasaje no está en el texto del documento.
list-orphans-title = No encontradas en este texto ({ $count })
list-orphans-about = Anotaciones importadas cuyo pasaje ya no está en el texto. Se conservan hasta que las elimine.
list-delete-orphan = Eliminar la anotación huérfana «{ $quote }»

## El panel del libro de códigos.

codebook-title = Libro de códigos
codebook-own-title = Sus códigos
codebook-new = Código nuevo
codebook-new-name = Nombre del código nuevo
codebook-add = Añadir código
codebook-own-empty = Sus propios códigos (un actor, una postura, «brecha de implementación») se suman a los del GCM y van en cada exportación.
# Títulos encima de las etiquetas del GCM.
codebook-objectives = Los 23 objetivos del GCM
codebook-principles = Los 10 principios rectores
# El lugar de un código en el árbol: las opciones de «Situado bajo».
codebook-nested-under = Situado bajo
codebook-top-level = Nivel superior
codebook-gcm-tags = Objetivos y principios del GCM
# En la fila de un código situado bajo una etiqueta del GCM ($tag: «Objetivo 3: Información»).
codebook-in = bajo { $tag }
codebook-row = { $count ->
    [one] Editar el código { $name }, usado en { $count } anotación
   *[other] Editar el código { $name }, usado en { $count } anotaciones
}
    .title = Cambiar nombre, color o ubicación, fusionar o eliminar
# El editor de un código.
codebook-edit = Editar el código { $name }
codebook-name = Nombre
codebook-colour = Color
# El nombre accesible del color número $number de la paleta (1 a 12).
codebook-colour-n = Color { $number }
# Un nombre o una ubicación rechazados: $reason dice por qué.
codebook-not-changed = Sin cambios: { $reason }.
codebook-save = Guardar el código
codebook-close = Cerrar
codebook-merge-into = Fusionar con
codebook-choose = Elegir un código…
codebook-merge = Fusionar
# $consequence dice qué pasa con las anotaciones que llevan el código.
codebook-delete-confirm = ¿Eliminar «{ $name }»? { $consequence }
codebook-delete = Eliminar…
codebook-delete-now = Eliminar el código

## Comparar anotadores: las exportaciones de un mismo documento hechas por varios anotadores.

compare-title = Comparar anotadores
compare-load-input = Cargar las exportaciones de los anotadores
# El avance mientras se leen los archivos y luego se comparan.
compare-loading = Cargando las exportaciones
compare-comparing = Comparando anotadores
compare-unreadable = No se pudo leer «{ $name }»: { $reason }.
compare-download-failed = La descarga falló: { $reason }.
compare-intro = Cargue las exportaciones de «{ $title }» hechas por varios anotadores (en cualquier formato que exporta la aplicación: su JSON, JSON-LD del W3C, JSONL de doccano, CSV, REFI-QDA o brat) para ver en qué coinciden. Para una tarea, añada también el archivo que repartió: los alumnos se puntúan entonces solo con sus etiquetas. En el texto, un subrayado ámbar discontinuo marca dónde discrepan, y uno verde continuo dónde coinciden todos.
compare-annotators = { $count ->
    [one] { $count } anotador
   *[other] { $count } anotadores
}
# Tras compare-maker-count: las anotaciones cuyo pasaje no está en este texto.
compare-not-placed = , { $count } sin ubicar
compare-agreement = Acuerdo carácter a carácter, global y por etiqueta
compare-agreement-table = Acuerdo por etiqueta
# La primera fila de la tabla de acuerdo: todas las etiquetas juntas.
compare-overall = Global
# Encabezados de columna de las tablas estadísticas (los términos del campo).
compare-tag = Etiqueta
compare-undefined = —: no definido (nadie usó la etiqueta, o todos la aplicaron al texto completo).
compare-download = Descargar las estadísticas (CSV)
compare-disagreements = Desacuerdos: { $count }
# Un desacuerdo: cuál de cuántos, la etiqueta, quién etiquetó el pasaje, el pasaje.
compare-disagreement = { $number } de { $count }: { $tag } — etiquetado por { $who }; «{ $quote }»
compare-previous = Desacuerdo anterior
compare-next = Desacuerdo siguiente
compare-key = Clave de respuestas
compare-key-choice = Puntuar a todos respecto a
compare-no-key = (sin clave de respuestas)
compare-scores = Puntuaciones de { $name }
compare-precision = Precisión
compare-recall = Exhaustividad
compare-f1 = F1
compare-f1-exact = F1 exacto
    .title = Coincidencia exacta del pasaje
# Un pasaje de las listas de la clave: «Objetivo 2: Factores adversos: “cambio climático”».
compare-passage = { $tag }: «{ $quote }»
# Los pasajes de la clave que el anotador no etiquetó, y los que etiquetó de más.
compare-missed = Omitidos ({ $count })
compare-extra = Sobrantes ({ $count })
compare-coverage = Cobertura del libro de códigos
compare-coverage-chart = Anotaciones por objetivo y principio
# La alternativa textual del gráfico; $untagged enumera los objetivos que nadie etiquetó, o es compare-none.
compare-coverage-summary = Objetivos etiquetados: { $objectives } de 23; principios: { $principles } de 10. Sin etiquetar: { $untagged }.
compare-none = ninguno
compare-not-tagged = sin etiquetar
# Una barra del gráfico: $count anotaciones de $annotators anotadores.
compare-bar = { $count } · { $annotators ->
    [one] { $annotators } anotador
   *[other] { $annotators } anotadores
}
compare-as-table = Los mismos datos en una tabla
compare-annotations = Anotaciones
compare-annotators-column = Anotadores

## Sugerencias: pasajes que la aplicación propone etiquetar.

suggest-no-module = No se pudieron cargar las sugerencias: necesitan la red la primera vez que se abren y después funcionan sin conexión.
suggest-title = Sugerencias ({ $count })
suggest-accept-all-title = Aceptar todas las sugerencias de una etiqueta
suggest-accept-all = { $count ->
    [one] Aceptar { $count } sugerencia para { $tag }
   *[other] Aceptar las { $count } sugerencias para { $tag }
}
# Por qué se sugiere un pasaje: nombra un objetivo, o usa una palabra vinculada a uno.
suggest-names = nombra «{ $words }»
suggest-uses = usa «{ $words }»
suggest-about = Frases que nombran un objetivo, usan palabras vinculadas a uno o se parecen a pasajes que usted etiquetó. No son anotaciones hasta que las acepte.
suggest-learned = como { $count ->
    [one] el pasaje
   *[other] los { $count } pasajes
} que usted etiquetó así (seguro al { $percent } %)
suggest-taught = { $learned ->
    [0] Todavía no han aprendido nada de usted: aprenden de cada pasaje que etiqueta, aquí y en sus otros documentos.
    [one] Han aprendido de 1 de sus anotaciones.
   *[other] Han aprendido de { $learned } de sus anotaciones.
}
suggest-rejected = { $rejected ->
    [one] Rechazó 1 sugerencia: ya no se propone.
   *[other] Rechazó { $rejected } sugerencias: ya no se proponen.
}
suggest-scoring = Buscando sugerencias…
suggest-read-only = Esta pestaña es de solo lectura: las sugerencias se leen aquí y se responden en la pestaña que edita.
suggest-none-at = Ninguna sugerencia alcanza el { $percent } % de certeza: baje el umbral para ver más.
suggest-forgotten = Olvidaron lo aprendido y vuelven a aprender de los pasajes que etiquete o cambie a partir de ahora.
suggest-forgot = Lo que aprendieron las sugerencias está olvidado. Sus anotaciones se quedan.
suggest-threshold = Mostrar desde { $percent } % de certeza
suggest-forget = Olvidar lo aprendido…
suggest-forget-confirm = ¿Olvidar lo que las sugerencias aprendieron de sus anotaciones y rechazos? Sus anotaciones se quedan. Vuelven a aprender de las que cree o cambie.
suggest-forget-yes = Olvidar
suggest-forget-no = Conservar
suggest-export = Descargar lo aprendido (JSON)
suggest-export-failed = No se pudo descargar lo que aprendieron las sugerencias: { $reason }
suggest-quote = «{ $quote }»
suggest-accept = Aceptar
    .label = Aceptar { $tag }
suggest-reject = Rechazar
    .label = Rechazar { $tag }

## Importar y Exportar, en la barra superior.

transfer-import = Importar…
transfer-import-input = Importar archivos de anotaciones
transfer-import-title = Importar anotaciones: JSON de GCM Annotator, JSON-LD del W3C, JSONL de doccano, REFI-QDA (.qdpx, .qdc), brat (.ann con su .txt, o un .zip) o CSV
transfer-export = Exportar
transfer-options = Opciones de exportación
# Qué se exporta: el documento abierto, o todos.
transfer-what = Contenido
transfer-this = Este documento
transfer-all = Todos los documentos
transfer-format = Formato
transfer-seed-text = Añadir el texto de los documentos incluidos
transfer-download = Descargar
