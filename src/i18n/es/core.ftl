## Los mensajes del núcleo de la aplicación: avisos, rechazos y motivos, y los del navegador
## sobre archivos, almacenamiento y exportaciones. $name, $title, $same y $into son nombres
## ya aislados (bidi): escribir las comillas alrededor.
## $reason es un fragmento de frase venido de otra parte (a menudo, palabras del navegador).

## Tamaños. $n es un número (los megabytes con un decimal como máximo).
core-size-mb = { $n } MB
core-size-kb = { $n } kB
core-size-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
# Une una lista: $rest son todos sus elementos salvo el último, ya unidos con ", ".
core-and = { $rest } y { $last }
core-no-module = no se pudo cargar la parte de la aplicación que escribe este formato: necesita la red la primera vez y después funciona también sin conexión

## La página que se muestra cuando la aplicación se detiene por un error.
core-crash-title = Algo salió mal en GCM Annotator
core-crash-text = La aplicación se detuvo por un error de programación. Su trabajo guardado en este navegador está a salvo y estará ahí cuando vuelva a cargar la página. Para conservar una copia de todo lo que había en pantalla, incluidos los cambios aún no guardados, expórtelo ahora.
core-crash-export = Exportar mi trabajo
core-crash-reload = Volver a cargar la aplicación

## Avisos agrupados bajo un título.
notice-files-refused = { $count ->
    [one] { $count } archivo rechazado
   *[other] { $count } archivos rechazados
}
notice-problems = { $count ->
    [one] { $count } problema
   *[other] { $count } problemas
}

## Documentos: apertura de archivos, texto pegado, líneas de la biblioteca.
doc-unsupported = «{ $name }» no se abrió: la aplicación lee texto sin formato (.txt), Markdown (.md), PDF (.pdf), Word (.docx), OpenDocument (.odt) y páginas web (.html).
doc-not-utf8 = «{ $name }» no se abrió: no es texto UTF-8 (el primer byte no válido está en la posición { $at }). Guárdelo como UTF-8 y vuelva a intentarlo.
doc-not-utf16 = «{ $name }» no se abrió: empieza como texto UTF-16 pero no es UTF-16 válido. Guárdelo como UTF-8 y vuelva a intentarlo.
doc-binary = «{ $name }» no se abrió: parece contener datos binarios (sobre todo caracteres de control), no texto.
doc-empty = «{ $name }» no se abrió: está vacío.
doc-no-text = «{ $name }» no se abrió: no contiene texto que anotar.
# $size y $limit son tamaños (core-size-…).
doc-too-large = «{ $name }» no se abrió: ocupa { $size }, más que el límite de { $limit }.
doc-text-too-large = «{ $name }» no se abrió: su texto ocupa { $size }, más que el límite de { $limit }.
# La línea de la biblioteca bajo un documento leído de un archivo. $kind: "PDF",
# "Word document"…; $name: el nombre del archivo (sin aislar); $pages: cuántas páginas
# (0: no se dice nada).
doc-source = Su archivo { $name } ({ $kind }), { $size }{ $pages ->
    [0] {""}
    [one] , { $pages } página
   *[other] , { $pages } páginas
}
doc-your-file = Su archivo { $name }, { $size }
# El título de un texto pegado sin título.
doc-pasted = Texto pegado
doc-pasted-size = Texto pegado, { $size }
# $opens vale "yes" cuando ese documento es el que se abre ahora.
doc-known = «{ $name }» ya está en la biblioteca, con el título «{ $same }»{ $opens ->
    [yes] : es ese el que se abre, con sus anotaciones
   *[no] {""}
}.
doc-added = { $count ->
    [one] { $count } documento añadido.
   *[other] { $count } documentos añadidos.
}
# Los títulos de los textos incluidos y su descripción de una línea en la biblioteca (los
# textos mismos quedan en su idioma).
doc-seed-about-0 = La página web de la OIM Finlandia: quién es la OIM, la adopción del Pacto Mundial y la lista completa de sus 23 objetivos.
doc-seed-about-1 = Un hilo de debate trilingüe (inglés, francés, español) del Migration Network Hub sobre acciones hacia los objetivos.
doc-seed-about-2 = La página web de la OIM con el informe de 2018 del Director General al Consejo: apoyo a los migrantes, emergencias, trabajo con los Estados.
doc-seed-about-3 = Una nota informativa para el Foro de Examen de la Migración Internacional de 2022: el Pacto Mundial en resumen, sus principios, sus objetivos y la Red.
doc-seed-about-4 = Un artículo de enciclopedia sobre el Grupo Mundial sobre Migración, el grupo interinstitucional que precedió a la Red de las Naciones Unidas sobre la Migración.

## Lectura e importación de archivos.
open-reading = Leyendo «{ $name }»
open-reading-pages = Leyendo «{ $name }», páginas
open-unreadable = No se pudo leer «{ $name }»: { $reason }.
open-busy = «{ $name }» no se abrió: se está leyendo otro PDF; abra este cuando termine.
open-no-readers = «{ $name }» no se abrió: no se pudo cargar la parte de la aplicación que lee este tipo de archivo. Necesita la red la primera vez y después funciona también sin conexión.
import-reading-files = Leyendo los archivos
# $what: lo que se cuenta, p. ej. "annotations placed".
import-progress = Importando «{ $name }», { $what }
import-too-large = «{ $name }» no se importó: ocupa { $size }, más que el límite de importación de { $limit }. No se cambió nada.
import-refused = «{ $name }» no se importó: { $reason }. No se cambió nada.
# Se añade al resumen de una importación.
import-skipped-now = { $count ->
    [one] Otra { $count } ya estaba aquí, de un archivo importado justo antes.
   *[other] Otras { $count } ya estaban aquí, de un archivo importado justo antes.
}
import-lost = { $count ->
    [one] La última importación de { $count } anotación desde «{ $name }» no se guardó; vuelva a importar el archivo.
   *[other] La última importación de { $count } anotaciones desde «{ $name }» no se guardó; vuelva a importar el archivo.
}

## Exportaciones.
export-done = { $count ->
    [one] Se exportó { $count } anotación a «{ $name }».
   *[other] Se exportaron { $count } anotaciones a «{ $name }».
}
export-codebook = { $count ->
    [one] Se exportó el libro de códigos (las 33 etiquetas del Pacto Mundial y { $count } código propio) a «{ $name }».
   *[other] Se exportó el libro de códigos (las 33 etiquetas del Pacto Mundial y { $count } códigos propios) a «{ $name }».
}
# Sigue a export-done cuando el archivo es demasiado grande para volver a importarlo.
export-too-large = Ocupa { $size }, y la aplicación importa archivos de { $limit } como máximo: para poder volver a importar este trabajo, exporte también cada documento por separado.
export-failed = La exportación falló: { $reason }.
export-to-failed = La exportación a «{ $name }» falló: { $reason }.
export-not-prepared = el navegador no pudo preparar el archivo

## Guardado y almacenamiento. Los que van en minúscula son motivos dentro de otros mensajes.
save-failed = Sus últimos cambios no se pudieron guardar en este navegador ({ $reason }). Se conservan mientras esta página siga abierta: expórtelos para guardar una copia.
save-lost = { $count ->
    [one] Su último cambio no se guardó antes de cerrarse la página; vuelva a hacerlo.
   *[other] Sus últimos { $count } cambios no se guardaron antes de cerrarse la página; vuelva a hacerlos.
}
storage-unavailable = Este navegador no permite que la aplicación conserve nada ({ $reason }); puede que los datos de sitio estén bloqueados para esta página. Puede trabajar con normalidad, pero nada se conserva al cerrar la página: exporte su trabajo para guardar una copia.
# Por qué no se leyó un registro almacenado.
storage-newer = lo guardó una versión más reciente de la aplicación (esquema { $schema }); se conserva intacto
storage-damaged = está dañado ({ $reason }); se conserva intacto
storage-refused-open = su almacenamiento se negó a abrirse: { $reason }
storage-read-failed = falló la lectura del almacenamiento: { $reason }
storage-document-lost = no se cargó un documento almacenado: { $reason }
storage-chunk-lost = no se cargó un registro de anotaciones almacenado: { $reason }
storage-settings-lost = no se cargaron los ajustes: { $reason }
storage-codes-lost = no se cargaron sus códigos propios: { $reason }
# Por qué no se guardaron los cambios.
storage-full = el almacenamiento del navegador para esta página está lleno
storage-refused-write = el navegador se negó a escribirlos; puede que su almacenamiento esté lleno
storage-refused-store = el navegador se negó a almacenarlos: { $reason }
storage-taken-over = otra pestaña tomó el control de la edición antes de que se escribieran

## Pestañas y progreso.
session-other-tab = Este anotador está abierto para edición en otra pestaña. Esta es de solo lectura.
session-moved = La edición pasó a otra pestaña. Esta es de solo lectura.
# «Editar aquí» es el botón del aviso.
session-read-only = Sin cambios: esta pestaña es de solo lectura porque el anotador está abierto para edición en otra pestaña. Elija «Editar aquí» para editar en esta.
# $label: lo que está en curso, p. ej. Leyendo «a.json».
session-percent = { $label }: { $percent } %
session-progress = { $label }: { $done } de { $total }
# Para lectores de pantalla al pasar a la anotación siguiente; $what es edit-describe.
session-step = Anotación { $n } de { $total }: { $what }

## Anotar.
edit-needs-tag = Elija al menos un objetivo o un principio.
edit-needs-name = Escriba su nombre: se guarda con sus anotaciones.
edit-needs-name-first = Indique primero su nombre (barra superior): se guarda con cada anotación.
edit-no-tags = elija al menos un objetivo o un principio
edit-empty-span = la selección no contiene texto que anotar
edit-out-of-range = el pasaje { $start }–{ $end } queda fuera del texto ({ $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
})
edit-unknown-tag = «{ $name }» no es un objetivo ni un principio del Pacto Mundial
edit-not-saved = No se guardó: { $reason }.
edit-deleted = Anotación eliminada.
undo-elsewhere = Deshacer modificó «{ $title }».
redo-elsewhere = Rehacer modificó «{ $title }».
# Una anotación para lectores de pantalla: $tags los nombres de sus etiquetas unidos por "; ", $quote su texto.
edit-describe = { $tags }. «{ $quote }»
edit-describe-note = { $tags }. «{ $quote }». Nota: { $note }

## Campos cuyo texto se corta a un límite. $field: name, title, note, code-name, instructions.
field-noun = { $field ->
    [name] nombre
    [title] título
    [note] nota
    [code-name] nombre del código
   *[instructions] instrucciones
}
field-clipped = { $field ->
    [name] El nombre se cortó a { $limit } caracteres.
    [title] El título se cortó a { $limit } caracteres.
    [note] La nota se cortó a { $limit } caracteres.
    [code-name] El nombre del código se cortó a { $limit } caracteres.
   *[instructions] Las instrucciones se cortaron a { $limit } caracteres.
}
# Un elemento de la lista de field-cut-summary.
field-cut-count = { $field ->
    [name] { $count ->
        [one] { $count } nombre de anotador
       *[other] { $count } nombres de anotador
    }
    [title] { $count ->
        [one] { $count } título
       *[other] { $count } títulos
    }
    [note] { $count ->
        [one] { $count } nota
       *[other] { $count } notas
    }
    [code-name] { $count ->
        [one] { $count } nombre de código
       *[other] { $count } nombres de código
    }
   *[instructions] { $count ->
        [one] { $count } conjunto de instrucciones
       *[other] { $count } conjuntos de instrucciones
    }
}
# $list: los elementos field-cut-count unidos; $count: cuántos valores en total.
field-cut-summary = { $count ->
    [one] Demasiado largo, cortado al límite: { $list }
   *[other] Demasiado largos, cortados a los límites: { $list }
}

## Códigos propios.
code-error-empty = un código necesita un nombre
# $by: code-by-objective, code-by-principle o code-by-own.
code-error-taken = «{ $name }» ya es el nombre de { $by }
code-error-parent = no hay ningún código «{ $name }» bajo el que anidarlo
code-error-cycle = un código no puede anidarse bajo sí mismo ni bajo sus propios subcódigos
code-error-not-own = «{ $name }» no es uno de sus códigos; los objetivos y principios del Pacto Mundial no se pueden cambiar
code-error-too-many = un libro de códigos admite como máximo { $count } códigos propios
code-by-objective = el objetivo { $number } del Pacto Mundial
code-by-principle = un principio rector del Pacto Mundial
code-by-own = su código «{ $name }»
code-refused = Sin cambios: { $reason }.
code-locked = Sus códigos no se pueden cambiar en esta sesión: no se cargó el libro de códigos almacenado ({ $reason }). Exporte su trabajo y vuelva a cargar o actualice la aplicación.
code-merged = { $count ->
    [one] «{ $name }» se fusionó con «{ $into }» ({ $count } anotación cambiada).
   *[other] «{ $name }» se fusionó con «{ $into }» ({ $count } anotaciones cambiadas).
}
# $consequence: code-use o code-use-none.
code-deleted = Se eliminó el código «{ $name }». { $consequence }
# $subs: code-subs precedido de un espacio, o nada.
code-subs = { $count ->
    [one] Su subcódigo sube a su lugar.
   *[other] Sus { $count } subcódigos suben a su lugar.
}
code-use-none = Ninguna anotación lo lleva.{ $subs }
# Elementos de $parts en code-use.
code-use-kept = { $count ->
    [one] { $count } conserva sus otros códigos
   *[other] { $count } conservan sus otros códigos
}
code-use-gone = { $count ->
    [one] { $count } no tiene otro código y se elimina
   *[other] { $count } no tienen otro código y se eliminan
}
code-use = { $count ->
    [one] { $count } anotación lo lleva: { $parts }.{ $subs } Deshacer lo restablece todo.
   *[other] { $count } anotaciones lo llevan: { $parts }.{ $subs } Deshacer lo restablece todo.
}

## Anotaciones a la espera de su texto, colocadas cuando llega. $what: placed, not-found, already.
waiting-from = {" "}de «{ $name }»
waiting-first = { $count ->
    [one] { $count } anotación{ $from } { $what ->
        [placed] se colocó en
        [not-found] no se encontró en
       *[already] ya estaba en
    }
   *[other] { $count } anotaciones{ $from } { $what ->
        [placed] se colocaron en
        [not-found] no se encontraron en
       *[already] ya estaban en
    }
} «{ $title }»
waiting-more = { $count ->
    [one] { $count } { $what ->
        [placed] se colocó en
        [not-found] no se encontró en
       *[already] ya estaba en
    }
   *[other] { $count } { $what ->
        [placed] se colocaron en
        [not-found] no se encontraron en
       *[already] ya estaban en
    }
} «{ $title }»
waiting-hint = {" "}(vea las anotaciones no encontradas en este texto, al lado)
# $parts: waiting-first y luego waiting-more, unidos por "; "; $hint: waiting-hint o nada.
waiting-said = { $parts }{ $hint }.
waiting-deleted = { $count ->
    [one] { $count } anotación en espera eliminada.
   *[other] { $count } anotaciones en espera eliminadas.
}
