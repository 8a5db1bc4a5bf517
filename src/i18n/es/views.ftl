## The main views: the top bar, the library, the reader, the palette, messages.

## The app (src/web/components/app.rs), and texts several views share.

app-loading = Cargando su trabajo…
app-skip = Ir al texto
app-welcome-title = Elija un documento para leer
app-welcome-gcm = El Pacto Mundial para una Migración Segura, Ordenada y Regular (GCM, por sus siglas en inglés), que la Asamblea General de las Naciones Unidas hizo suyo en diciembre de 2018, es el marco común de los Estados para la cooperación en materia de migración: 23 objetivos que descansan sobre 10 principios rectores.
app-welcome-how = Abra uno de los textos de la biblioteca o añada los suyos. Seleccione un pasaje con el ratón, o con Mayús y las flechas, y etiquételo con los objetivos y principios rectores del Pacto Mundial.
app-welcome-private = Todo se queda en este navegador y se guarda sobre la marcha: nada se envía a ninguna parte a menos que usted lo exporte.
app-seeds-missing = No se pudieron cargar algunos de los textos incluidos: vuelva a cargar la página para intentarlo de nuevo. Sus propios documentos y anotaciones no se ven afectados.
# $problem: why a stored record could not be read (a sentence from the storage layer).
app-storage-problem = Almacenamiento: { $problem }.
# A button that stops what is under way (reading a file) or closes the palette.
app-cancel = Cancelar
# A button that deletes a document, or annotations waiting for their text.
app-delete = Eliminar
# A passage quoted in a card or a list: $quote is the passage's text.
app-quote = «{ $quote }»

## The top bar (topbar.rs).

top-saved = Todos los cambios guardados en este navegador
top-saving = Guardando…
top-save-failed = No guardado: exporte su trabajo
top-storage-unavailable = Almacenamiento no disponible: exporte su trabajo
top-name-label = Nombre del anotador
top-set-name = Indicar su nombre
# $name: the annotator's name, as they typed it.
top-annotator = Anotador: { $name }
top-change-name = Cambiar el nombre guardado con sus anotaciones
# The group of the Undo and Redo buttons.
top-history = Historial
# Undo: the top bar's button (after an arrow ↶) and the button of a message after a deletion.
top-undo = Deshacer
    .title = Deshacer (Ctrl+Z)
top-redo = Rehacer
    .title = Rehacer (Ctrl+Mayús+Z o Ctrl+Y)

## The library (library.rs).

library-title = Biblioteca
library-open-files = Abrir archivos…
library-open-files-label = Abrir archivos de texto
library-paste = Pegar texto
library-paste-title = Título
library-paste-text = Texto
library-add = Añadir documento
library-mine = Sus documentos
library-empty = Abra un archivo de texto, Markdown, PDF, Word, OpenDocument o una página web con el botón de arriba, suelte archivos aquí o pegue texto.
# After a document's description.
library-count = { $count ->
    [one] { $count } anotación
   *[other] { $count } anotaciones
}
# $name: the file the document came from; $hash: its SHA-256 in hexadecimal.
library-hash = SHA-256 de { $name }: { $hash }
# $title: a document's title.
library-rename-input = Nuevo título para { $title }
library-rename = Renombrar
library-rename-label = Renombrar { $title }
library-delete-label = Eliminar { $title }
library-confirm-label = Confirmar la eliminación
library-confirm = ¿Eliminar «{ $title }» { $count ->
    [0] (no tiene anotaciones)
    [one] y su anotación
   *[other] y sus { $count } anotaciones
}? Esta acción no se puede deshacer.
library-delete-document = Eliminar el documento
library-keep = Conservarlo

## The library's annotations waiting for their text (waiting.rs).

waiting-view-title = A la espera de su texto
waiting-view-intro = Anotaciones importadas de textos que no están en este navegador. Añada el mismo texto (ábralo, péguelo o importe un archivo que lo contenga) y se colocarán en él.
# Where the annotations came from, when the file is not known.
waiting-view-earlier-import = una importación anterior
# $file: a file's name, as in “notes.jsonld” and 2 more.
waiting-view-files = { $file } y { $count } más
# A file's name in quotes.
waiting-view-file = «{ $name }»
# $from: the files, as waiting-view-file, waiting-view-files or waiting-view-earlier-import say.
waiting-view-from = Origen: { $from }
waiting-view-known-id = Identificador del texto: { $id }
waiting-view-known-sha = SHA-256 del texto: { $hash }
# $title: the title of the document in this browser that has the same text.
waiting-view-here = { $count ->
    [one] { $count } anotación
   *[other] { $count } anotaciones
} de un texto que está aquí, con el título «{ $title }»
waiting-view-absent = { $count ->
    [one] { $count } anotación
   *[other] { $count } anotaciones
} de un texto que no está en este navegador
waiting-view-place = Colocar en «{ $title }»
waiting-view-export = Exportar
waiting-view-export-label = Exportar { $count ->
    [one] la anotación en espera procedente
   *[other] las { $count } anotaciones en espera procedentes
} de { $from }
waiting-view-delete-label = Eliminar { $count ->
    [one] la anotación en espera procedente
   *[other] las { $count } anotaciones en espera procedentes
} de { $from }

## The reader (reader.rs).

reader-tag-document = Etiquetar todo el documento…
reader-help = Seleccione un pasaje para etiquetarlo. Con el teclado: las flechas mueven el cursor, Mayús+flechas selecciona, Intro etiqueta, N y P llevan a la anotación siguiente o anterior.
reader-text = Texto del documento
# The card that lists the annotations under the pointer.
reader-card = Anotaciones en este lugar
reader-overlapping = { $count ->
    [one] { $count } anotación superpuesta
   *[other] { $count } anotaciones superpuestas
}
# $quote: the start of the annotated passage.
reader-select-label = Seleccionar la anotación «{ $quote }»
reader-select = Seleccionar
reader-edit-label = Editar la anotación «{ $quote }»
reader-edit = Editar
reader-close = Cerrar

## The tag palette (palette.rs).

palette-tag-selection = Etiquetar la selección
palette-tag-document = Etiquetar todo el documento
palette-edit = Editar la anotación
# What an annotation of the whole document quotes.
palette-whole-document = Todo el documento
palette-save = Guardar la anotación
palette-save-document = Guardar las etiquetas del documento
palette-save-changes = Guardar los cambios
palette-name = Su nombre, guardado con cada anotación (se pide una sola vez; puede cambiarlo desde la barra superior)
palette-search = Buscar etiquetas
    .placeholder = Buscar, o dar nombre a un código nuevo
palette-recent = Usadas recientemente
palette-objectives = Objetivos
palette-principles = Principios rectores
palette-own-codes = Sus códigos
# The tooltip of a code the user made.
palette-own-code = Su código
# $tag: the GCM tag the code is filed under, as "Objective 17: Eliminate discrimination".
palette-own-code-under = Su código (bajo { $tag })
# $name: what was typed in the search box.
palette-new-code = + Código nuevo «{ $name }»
palette-no-match = Ninguna etiqueta coincide. Pruebe con un número, como 17, o con una palabra, como «fronteras».
palette-no-match-scoped = { $count ->
    [one] Ninguna etiqueta coincide. Esta tarea ofrece una: borre la búsqueda para verla.
   *[other] Ninguna etiqueta coincide. Esta tarea ofrece { $count }: borre la búsqueda para verlas.
}
# The full title of the tag under the pointer or focus, after its name.
palette-described = { $label }: { $description }
palette-describe = Pase el puntero sobre una etiqueta o lleve el foco a ella para leer su título completo.
palette-note-label = Nota (opcional)
palette-note = Nota
palette-selected = { $count ->
    [one] { $count } seleccionada
   *[other] { $count } seleccionadas
} · Ctrl+Intro guarda

## Messages (notices.rs).

notices-label = Mensajes
notices-export = Exportar mi trabajo
notices-dismiss = Descartar
notices-dismiss-label = Descartar el mensaje
# Several errors shown as one: the list of each.
notices-details = Mostrar cada error y su causa

## A read-only tab (editing_tab.rs).

editing-take-over = Editar en esta pestaña
editing-waiting = Esperando a la otra pestaña…

## A field's length as it is typed (length_hint.rs).

length-near = { $count } de { $limit } caracteres
# $field: what the field is called ("note", "title", "name", …).
length-over = { $count } caracteres: este campo ({ $field }) admite { $limit } como máximo; el resto se cortará al guardar
