## The assignment a teacher hands out, and what a student sees of it (issue 22).

## Lectura de un archivo de tarea. Estos dos completan «“archivo” no se importó: …».
assign-newer = su tarea la escribió una versión más reciente de la aplicación (versión de tarea { $version }; esta lee la { $reads })
assign-no-id = su tarea no tiene identificador
# $field es la clave del bloque de la tarea, en inglés.
assign-bad-field = el campo «{ $field }» de su tarea no es conforme al formato
assign-cut = Las instrucciones de la tarea de «{ $file }» se recortaron a { $limit } caracteres.
assign-unknown-tags = { $count ->
    [one] La tarea de «{ $file }» nombra una etiqueta que esta aplicación no tiene, que se dejó fuera: { $tags }.
   *[other] La tarea de «{ $file }» nombra { $count } etiquetas que esta aplicación no tiene, que se dejaron fuera: { $tags }.
}
assign-no-tags-left = No queda ninguna etiqueta de su alcance, así que se ofrecen todas.
# $new y $old nombran dos tareas (por el título de su primer texto).
assign-replaced = La tarea «{ $new }» sustituye a la tarea «{ $old }». Se conservan todas sus anotaciones.
# $reason dice por qué, en palabras del almacenamiento.
assign-stored-lost = la tarea en la que trabajaba no se cargó: { $reason }

## Lo que ve el estudiante.
assign-instructions = Instrucciones de la tarea
assign-suggestions-off = La tarea desactivó las sugerencias.
# A small label on an annotation handed out with an assignment.
assign-given = ejemplo dado

## La parte de tarea del panel Exportar, para el docente.
assign-form-title = Repartir como tarea…
assign-form-about = Un archivo que abrirán los estudiantes: los textos, sus instrucciones y las etiquetas incluidas, sin sus anotaciones, salvo que las incluya.
assign-form-texts = Textos
assign-form-instructions = Instrucciones
assign-form-scope = Etiquetas incluidas
assign-form-all = Todas
assign-form-none = Ninguna
assign-form-objectives = Objetivos
assign-form-principles = Principios rectores
assign-form-own = Sus propios códigos
assign-form-suggestions = Permitir sugerencias
assign-form-examples = Incluir mis anotaciones como ejemplos dados
assign-form-not-ready = Elija al menos un texto y una etiqueta.
assign-form-download = Descargar la tarea
assign-no-document = La tarea no se exportó: ninguno de sus textos está en la biblioteca.
assign-exported = { $count ->
    [0] Tarea exportada a «{ $name }», sin anotaciones.
    [one] Tarea exportada a «{ $name }», con { $count } ejemplo dado.
   *[other] Tarea exportada a «{ $name }», con { $count } ejemplos dados.
}
assign-no-module = No se pudo cargar el formulario de tarea: necesita la red la primera vez que se abre y después funciona sin conexión.
assign-opened = Tarea abierta desde «{ $file }»: sus instrucciones están encima del texto y la paleta ofrece las etiquetas incluidas.
