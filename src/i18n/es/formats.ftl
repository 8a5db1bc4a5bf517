## Formatos de importación: por qué se rechazó un archivo o se leyó solo en parte, y qué hizo
## una importación. $file, $name, $code, $parent y $value llegan ya aislados
## (U+2068 … U+2069): las comillas se escriben aquí.

# Un rechazo completo; $problem es uno de los motivos fmt- de abajo («está vacío»).
fmt-not-imported = «{ $file }» no se importó: { $problem }. No se cambió nada.

## Motivos de un rechazo: cada uno completa «… no se importó: <motivo>.», en minúsculas.

# $size y $limit son tamaños con su unidad: «52.1 MB», «50 MB».
fmt-too-big = ocupa { $size }, más que el límite de importación de { $limit }
fmt-not-utf8 = no es texto UTF-8 (el primer byte no válido está en la posición { $position })
fmt-empty = está vacío
fmt-too-deep = sus datos están anidados a demasiada profundidad (más de { $levels } niveles)
fmt-label-studio = parece una exportación de Label Studio ('data' y 'annotations' con 'result'), que esta aplicación no lee: exporte desde allí W3C Web Annotation, o doccano JSONL con 'text' y 'label'
fmt-json-unknown = es JSON, pero no en un formato que esta aplicación lea (GCM Annotator JSON, W3C Web Annotation o doccano JSONL)
fmt-unknown = no está en un formato que esta aplicación lea (GCM Annotator JSON, W3C Web Annotation o doccano JSONL)
# $error es el mensaje del analizador de JSON, en inglés.
fmt-not-json = no es JSON válido ({ $error })

## El JSON del proyecto.
fmt-newer-version = lo escribió una versión más reciente de la aplicación (versión de formato { $version }; esta lee la versión { $reads })
fmt-no-version = no indica versión de formato
# $error es el mensaje del analizador de JSON, en inglés.
fmt-not-the-format = no sigue el formato: { $error }
# $field es el nombre del campo en el archivo, en inglés: created o updated.
fmt-bad-time = su fecha { $field } «{ $value }» no es una fecha ISO 8601
# $field es el nombre del campo en el archivo, en inglés: start o end.
fmt-missing-field = no sigue el formato: falta el campo `{ $field }`

## W3C Web Annotation. Annotation, TextQuoteSelector, TextPositionSelector, 'tagging',
## 'commenting' y 'value' son nombres de la norma: se mantienen. $n cuenta desde 1.
fmt-w3c-first-page-empty = su primera página no tiene elementos (items)
fmt-w3c-pages-linked = sus páginas no están incluidas en el archivo (solo enlazadas); expórtelas con sus elementos
fmt-w3c-page-empty = la página no tiene elementos (items)
fmt-w3c-not-annotation = el elemento { $n } no es una Annotation
fmt-w3c-no-id = la anotación { $n } no tiene identificador (id)
fmt-w3c-no-target = la anotación { $n } no tiene destino (target)
fmt-w3c-no-source = el destino de la anotación { $n } no tiene fuente (source)
fmt-w3c-no-exact = anotación { $n }: su TextQuoteSelector no tiene texto exacto (exact)
# $field es start o end.
fmt-w3c-bad-position = anotación { $n }: su TextPositionSelector necesita un número entero no negativo en { $field }
fmt-w3c-no-selector = la anotación { $n } no tiene ni TextQuoteSelector ni TextPositionSelector
fmt-w3c-bad-time = anotación { $n }: «{ $value }» no es una fecha ISO 8601
# Una nota tras una importación; $selector es el tipo de selector del archivo.
fmt-w3c-selector-ignored = '{ $selector }' no se lee: solo TextQuoteSelector y TextPositionSelector sitúan aquí una anotación
# Notas tras una importación; $purpose es la finalidad (purpose) de un cuerpo, una palabra de la norma W3C.
fmt-w3c-body-no-value = un cuerpo '{ $purpose }' sin 'value' no se lee: las etiquetas y las notas son cuerpos de texto
fmt-w3c-purpose-ignored = los cuerpos con finalidad '{ $purpose }' no se leen: las etiquetas vienen de los cuerpos 'tagging' y las notas de los 'commenting'

## doccano JSONL. "text", "label", "entities", start_offset… son claves del formato: se mantienen.
# $error es el mensaje del analizador de JSON, en inglés.
fmt-line-not-json = la línea { $line } no es JSON ({ $error })
fmt-line-no-text = la línea { $line } no tiene "text"
fmt-line-no-label = la línea { $line } no tiene lista "label" (ni "entities" de doccano)
fmt-line-bad-label = línea { $line }, etiqueta { $label }: se esperaba [start, end, "tag"] o {"{"}"start_offset", "end_offset", "label"{"}"}
fmt-no-documents = no contiene ningún documento
# Una nota tras una importación: $cut de los $moved fragmentos cortarían palabras si se leyeran en puntos de código.
fmt-line-utf16 = las posiciones de la línea { $line } se leyeron en unidades de código UTF-16, como las escriben algunas herramientas: leídas en puntos de código, { $cut } de los { $moved } fragmentos que desplazan cortarían palabras (deshaga la importación si es un error)
# Una nota tras una importación: una clave del JSONL de otra herramienta que no se lee; $key es la clave.
fmt-doccano-unread = '{ $key }' no se lee: { $key ->
        [relations] las relaciones de doccano entre fragmentos no se conservan
        [cats] las categorías de documento al estilo de spaCy no se leen; una cadena simple en 'label' etiqueta el documento entero
        [data] las tareas de Label Studio no se leen: exporte allí JSON-MIN o CSV, o W3C
        [annotations] las anotaciones de Label Studio no se leen: los fragmentos de doccano JSONL van en 'label'
       *[other] las predicciones de Label Studio no se leen
    }

## Comprobación de un archivo frente a la biblioteca, antes de situar nada; $n cuenta desde 1
## y las posiciones cuentan caracteres.
fmt-text-edited = el texto de «{ $name }» se modificó después de exportarlo (su sha256 ya no coincide): se reconoció por su texto
fmt-text-altered = el texto del documento «{ $name }» no coincide con su SHA-256; el archivo se alteró o está dañado
fmt-document-too-big = el documento «{ $name }» ocupa { $size }, más que el límite de { $limit }
# $problem dice por qué se rechazan las etiquetas de la anotación (una frase del núcleo de la aplicación).
fmt-annotation-problem = anotación { $n }: { $problem }
fmt-annotation-backwards = la anotación { $n } termina ({ $end }) antes de empezar ({ $start })
fmt-annotation-empty = la anotación { $n } está vacía: empieza y termina en { $start } (las posiciones deben cumplir inicio < fin)
fmt-annotation-half = la anotación { $n } tiene un inicio sin fin, o un fin sin inicio
fmt-annotation-past-end = la anotación { $n } termina en { $end }, más allá del final de su documento ({ $length } caracteres)
fmt-annotation-no-text = la anotación { $n } no tiene cita y su documento no está en este navegador
fmt-annotation-empty-quote = la anotación { $n } tiene una cita vacía
fmt-code-cycle = su código «{ $code }» está anidado bajo sí mismo (los padres de sus códigos forman un ciclo)
fmt-code-no-name = su código «{ $code }» no tiene nombre
# $tag es el nombre de la etiqueta del Pacto Mundial: «Objetivo 1: Datos».
fmt-code-gcm-name = su código «{ $code }» tiene el nombre de una etiqueta del Pacto Mundial ({ $tag })
fmt-code-undeclared-parent = su código «{ $code }» está anidado bajo «{ $parent }», un código que el archivo no declara

## Progreso de una importación, tras «Importando “archivo”, ».
fmt-progress-matched = documentos reconocidos
fmt-progress-checked = anotaciones comprobadas
fmt-progress-placed = anotaciones situadas

## Un documento nuevo creado por una importación: su descripción en la biblioteca, y su título
## cuando el archivo no da ninguno y su texto empieza con una línea en blanco.
fmt-imported-from = Importado de { $file }
fmt-untitled = Texto sin título

## El resumen de una importación: partes unidas por «; » y terminadas en «.», y luego cada nota.
## «Biblioteca → A la espera de su texto» y «No encontradas en este texto» nombran partes de
## la interfaz.
fmt-summary-imported = «{ $file }»: { $count ->
        [one] { $count } anotación importada
       *[other] { $count } anotaciones importadas
    }
fmt-summary-kept = «{ $file }»: { $count ->
        [one] { $count } anotación conservada a la espera de su texto, que no está en este navegador: véase Biblioteca → A la espera de su texto (se situará cuando se añada)
       *[other] { $count } anotaciones conservadas a la espera de su texto, que no está en este navegador: véase Biblioteca → A la espera de su texto (se situarán cuando se añada)
    }
fmt-summary-reanchored = { $count ->
        [one] { $count } encontrada por su cita porque el texto había cambiado
       *[other] { $count } encontradas por su cita porque el texto había cambiado
    }
fmt-summary-orphans = { $count ->
        [one] { $count } no pudo situarse en el texto y se conserva como huérfana
       *[other] { $count } no pudieron situarse en el texto y se conservan como huérfanas
    }: véase «No encontradas en este texto» junto al documento
fmt-summary-waiting = { $count ->
        [one] { $count } no encontrada
       *[other] { $count } no encontradas
    }: su texto no está en este navegador; véase Biblioteca → A la espera de su texto (se situarán cuando se añada)
fmt-summary-skipped = { $count ->
        [one] { $count } omitida porque ya estaba
       *[other] { $count } omitidas porque ya estaban
    }
fmt-summary-documents = { $count ->
        [one] { $count } documento añadido
       *[other] { $count } documentos añadidos
    }
# $names: hasta diez nombres de códigos, unidos por «, ».
fmt-summary-codes = { $count ->
        [one] { $count } código nuevo
       *[other] { $count } códigos nuevos
    }: { $names }
# $more: cuántos nombres hay además de los diez citados.
fmt-summary-codes-more = { $count ->
        [one] { $count } código nuevo
       *[other] { $count } códigos nuevos
    }: { $names } y { $more } más
fmt-summary-markup = { $count ->
        [one] { $count } campo contiene
       *[other] { $count } campos contienen
    } marcado, que se muestra como texto sin formato
# $note es una nota del lector del formato: una de las notas de arriba.
fmt-summary-note = Nota: { $note }.

## Los nombres de los formatos en el menú de exportación (los nombres de marcas y normas no cambian).
fmt-label-project = JSON de GCM Annotator (completo)
fmt-label-csv = Hoja de cálculo CSV
fmt-label-refi = Proyecto REFI-QDA (NVivo, ATLAS.ti, MAXQDA, QualCoder)
fmt-label-codebook = Libro de códigos REFI-QDA solo (.qdc)
