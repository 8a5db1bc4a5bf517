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

## Los lectores de documentos (PDF, Word, OpenDocument, páginas web), en su propio módulo.
## Un motivo ($reason, o los mensajes de abajo que empiezan en minúscula) sigue a «no se abrió: ».
## $part y $entry son nombres de archivos dentro de un archivo zip (word/document.xml, project.qde).
read-not-opened = «{ $name }» no se abrió: { $reason }.
read-unknown-kind = «{ $name }» no se abrió: los lectores de documentos no leen este tipo de archivo.
read-no-format = la aplicación no escribe este formato
read-password = está protegido con contraseña, o es un archivo antiguo de Word (.doc): guárdelo como .docx sin contraseña y abra ese
read-no-main-part = no tiene { $part }, así que no es { $kind ->
        [odt] un texto OpenDocument
       *[docx] un documento de Word
    } (o está dañado)
read-not-zip = no es un archivo zip, o está dañado
read-encrypted = está cifrado
read-part-compressed = su parte { $part } está comprimida de una forma que Word y OpenDocument no usan
read-part-unreadable = su parte { $part } no se puede leer
read-part-damaged = su parte { $part } está dañada
read-zip-bomb = se descomprime en más de { $mb } MB (¿una bomba zip?)
read-part-not-utf8 = su parte { $part } no es XML en UTF-8
read-part-doctype = su parte { $part } declara un tipo de documento o entidades, algo que Word y OpenDocument nunca hacen
read-part-malformed = su parte { $part } es XML mal formado
read-xml-malformed = su XML está mal formado
read-xml-failed = el analizador XML falló
read-too-deep = se anida en más de { $depth } niveles
read-too-nested = contiene demasiados elementos anidados a demasiada profundidad para leerlo en un tiempo razonable
read-missing = falta su archivo { $entry }
read-pdf-no-reader = no se pudo cargar el lector de PDF (¿se sirve la carpeta pdfjs de la aplicación?)
# $limit es un tamaño («1,5 MB»); $page y $pages son números de página.
read-pdf-too-large = su texto supera el límite de { $limit } (en la página { $page } de { $pages })
read-pdf-no-password = no se dio ninguna contraseña
read-pdf-cancelled = se canceló la lectura
read-pdf-invalid = no es un PDF, o está demasiado dañado para leerlo
# $reason es el mensaje propio de pdf.js, en inglés.
read-pdf-failed = pdf.js no pudo leerlo ({ $reason })
read-pdf-no-text = no tiene capa de texto (puede ser un escaneo); no se ofrece reconocimiento de caracteres (OCR)

## Archivos de otras herramientas leídos para importar (brat, CSV, REFI-QDA, el JSON de la aplicación).
## Son motivos que siguen a «no se importó: », o notas del resumen de la importación.
## $line, $row, $start, $end, $length son posiciones en el archivo; $name un nombre de archivo;
## los nombres de columnas y elementos ($column, $root, $ns, $entry) quedan en inglés.
read-brat-no-ann = no contiene ningún archivo .ann de brat
read-brat-no-txt = «{ $name }» no tiene «{ $stem }.txt» a su lado
# $what: una lista como «2 relaciones (R), 1 eventos (E)», hecha de los mensajes read-brat-skip-.
read-brat-skipped = no leídos, porque esta aplicación no tiene lugar para ellos: { $what }
read-brat-split = { $count ->
        [one] { $count } segmento discontinuo (otro texto entre sus fragmentos) se convirtió en un pasaje por fragmento
       *[other] { $count } segmentos discontinuos (otro texto entre sus fragmentos) se convirtieron en un pasaje por fragmento
    }
read-brat-bad-line = la línea { $line } de «{ $name }» no es una anotación de brat
read-brat-span-reversed = línea { $line } de «{ $name }»: su segmento { $start }–{ $end } está vacío o invertido
read-brat-skip-notes = otras notas #
read-brat-skip-relations = relaciones (R)
read-brat-skip-events = eventos (E)
read-brat-skip-attributes = atributos (A)
read-brat-skip-normalizations = normalizaciones (N)
read-brat-skip-equivalences = equivalencias (*)
read-brat-skip-other-notes = notas sobre algo que no son anotaciones de texto
# $counting: uno de read-brat-crlf, read-brat-utf16, read-brat-utf16-crlf.
read-brat-recounted = las posiciones de «{ $name }» se leyeron { $counting }: en puntos de código no coinciden con su texto
read-brat-crlf = contando un fin de línea CRLF como un solo carácter, como lo hace el servidor de brat (incidencia de brat n.º 853)
read-brat-utf16 = en unidades de código UTF-16, como las cuenta el cliente web de brat (incidencia de brat n.º 1115)
read-brat-utf16-crlf = en unidades de código UTF-16 con un fin de línea CRLF contado como uno, como lo hace el cliente web de brat (incidencias de brat n.º 1115 y 853)
# $document: lo que nombra la línea.
read-brat-no-document = la línea { $line } de «{ $name }» no nombra ningún documento presente aquí («{ $document }»)
read-brat-no-type = la línea { $line } de «{ $name }» no tiene tipo
read-brat-span-past-end = línea { $line } de «{ $name }»: su segmento { $start }–{ $end } va más allá del final del texto ({ $length } caracteres)
# $quote: el texto que cita la línea; $found: el texto en sus posiciones.
read-brat-quote-differs = línea { $line } de «{ $name }»: su texto «{ $quote }» no es lo que el .txt contiene en sus posiciones («{ $found }»)
read-brat-lone-conf = es una configuración de brat sin archivo .ann
read-lone-text = es un texto sin archivo .ann de brat del mismo nombre; para anotarlo, ábralo como documento
read-unknown-file = la aplicación no lee este tipo de archivo
read-not-utf8 = { $name } no es texto UTF-8
read-csv-unclosed = la fila { $row } tiene una celda entre comillas que nunca se cierra
# $column: «start» o «end» (los nombres de columna del CSV); $value: la celda.
read-csv-not-number = fila { $row }: su valor { $column } «{ $value }» no es un número
read-csv-empty = está vacío
# $header: la fila de encabezado esperada, tal como la escribe el CSV.
read-csv-no-header = su primera fila no es el encabezado de la exportación CSV de esta aplicación ({ $header })
read-csv-width = la fila { $row } tiene { $cells } celdas, no { $width }
read-csv-no-document = la fila { $row } no nombra ningún documento
read-csv-no-tag = la fila { $row } no tiene etiqueta
read-csv-span-reversed = fila { $row }: su segmento { $start }–{ $end } está vacío o invertido
read-csv-half-span = la fila { $row } necesita un inicio y un final, o ninguno de los dos
read-csv-bad-date = fila { $row }: su fecha de creación «{ $value }» no es una fecha
read-zip-too-many = { $count } archivos son más de los que cabe en un archivo zip ({ $max })
read-zip-too-large = el archivo zip superaría los 4 GB
# $error: el mensaje del analizador JSON, en inglés.
read-json-error = no es el JSON del proyecto: { $error }
read-json-not-project = no es el JSON del proyecto
read-json-newer = lo escribió una versión más reciente de la aplicación (versión de formato { $version }; esta lee la { $reads })
read-json-bad-time = una fecha «{ $time }» no es una fecha ISO 8601
read-json-no-offsets = la anotación «{ $id }» no tiene posiciones
read-refi-doctype = su archivo { $entry } declara un tipo de documento o entidades, algo que REFI-QDA nunca usa
read-refi-not-utf8 = su fuente { $entry } no es texto UTF-8
# $what: «project» o «codebook»; $root y $name son nombres de elementos XML.
read-refi-root = no es { $what ->
        [codebook] un libro de códigos
       *[project] un proyecto
    } REFI-QDA: su elemento raíz es <{ $root }>, no <{ $name }>
read-refi-namespace = no es { $what ->
        [codebook] un libro de códigos
       *[project] un proyecto
    } REFI-QDA: su espacio de nombres es «{ $found }», no { $ns }
read-refi-no-namespace = no es { $what ->
        [codebook] un libro de códigos
       *[project] un proyecto
    } REFI-QDA: no tiene espacio de nombres, en lugar de { $ns }
read-refi-code-guid = el código «{ $code }» no tiene un GUID válido
read-refi-undeclared = una codificación remite al código { $code }, que su libro de códigos no declara
# $selection es un GUID; $name un nombre de atributo (startPosition, endPosition).
read-refi-position = la selección { $selection } no tiene un { $name } válido
read-refi-reversed = la selección { $selection } de «{ $source }» empieza en { $start }, después de su final en { $end }
read-refi-other-sources = { $count ->
        [one] se omitió { $count } fuente que no es texto (PDF, imagen, audio o vídeo)
       *[other] se omitieron { $count } fuentes que no son texto (PDF, imagen, audio o vídeo)
    }
read-refi-no-text = falta el texto de la fuente «{ $source }» (sources/{ $file })
read-refi-past-end = la selección { $selection } de «{ $source }» termina en { $end }, más allá del final de su texto ({ $length } caracteres)
read-refi-uncoded = { $count ->
        [one] se omitió { $count } selección sin código (un memo)
       *[other] se omitieron { $count } selecciones sin código (memos)
    }
read-refi-outside = { $count ->
        [one] se omitió { $count } fuente cuyo texto está fuera del .qdpx (una ruta relativa o absoluta), con sus codificaciones
       *[other] se omitieron { $count } fuentes cuyo texto está fuera del .qdpx (una ruta relativa o absoluta), con sus codificaciones
    }
read-refi-crlf = los fines de línea CRLF de sus textos se leyeron como un solo carácter cada uno, como los cuenta ATLAS.ti

# La opción del panel Exportar: solo el trabajo de este perfil, o todo (issue 22).
transfer-everything = Todo, también las anotaciones que no se hicieron en este navegador
transfer-left-out = { $count ->
        [one] Se deja fuera { $count } anotación que no se hizo en este navegador (importada, o dada como ejemplo).
       *[other] Se dejan fuera { $count } anotaciones que no se hicieron en este navegador (importadas, o dadas como ejemplo).
    }
