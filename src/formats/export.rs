//! Writing an [`ExportScope`] in any [`Format`], and the rescue export of everything.

use super::{csv, doccano, file_name, project, w3c, ExportScope, Format, Options};
use crate::library::Library;
use crate::session::Settings;

/// Writes a scope in a text format. The zip formats ([`Format::is_binary`]: REFI-QDA and
/// brat) are bytes, written by their own modules (`refi::write_project`); for them this
/// returns an empty string, and the caller asks those modules instead.
pub fn export(format: Format, scope: &ExportScope, opts: Options) -> String {
    match format {
        Format::Refi | Format::Brat | Format::Agreement => String::new(),
        Format::Project => project::write(scope, opts),
        Format::W3c => w3c::write(scope, opts),
        Format::Doccano => doccano::write(scope, opts),
        Format::Csv => csv::write(scope, opts),
        Format::RefiCodebook => super::refi::write_codebook(scope.codebook, opts),
    }
}

/// An export ready to hand to the browser.
pub struct ExportFile {
    /// `Some(format)` when `content` is the project's JSON of the scope (every text
    /// included), which the browser's exchange module converts to `format` before the
    /// download ([`stage`]); `None` when `content` is the file itself.
    pub convert: Option<Format>,
    /// `gcm-<document or all-documents>-<annotator>-<format>-<date>.<ext>` ([`file_name`]).
    pub file_name: String,
    pub mime: &'static str,
    pub content: String,
    /// How many annotations it holds, the orphans it carries included.
    pub annotations: usize,
}

/// The export of one document (`Some(id)`) or of all ([`ExportScope::new`]) in a format,
/// named for what it holds and the date of `options.now`.
pub fn export_file(
    library: &Library,
    format: Format,
    only: Option<&str>,
    options: Options,
) -> ExportFile {
    let scope = scope(library, only, options);
    ExportFile {
        content: export(format, &scope, options),
        ..named(library, &scope, format, only, options)
    }
}

/// [`export_file`] as the app does it: the project's JSON written here; any other format
/// staged as the project's JSON of the same scope with every text (`seed_text`), named and
/// counted as the final file, for the exchange module to convert (`convert`). The writers of
/// the other formats then live in that module, fetched on first use, not in the first load;
/// `exported::read_export` rebuilds the scope there, and the formats' tests check that the
/// converted file equals the one written here.
pub fn stage(
    library: &Library,
    format: Format,
    only: Option<&str>,
    options: Options,
) -> ExportFile {
    let scope = scope(library, only, options);
    let seed_text = options.seed_text || format != Format::Project;
    // Only the project's writer is called here, so that the others are not in the app.
    ExportFile {
        convert: (format != Format::Project).then_some(format),
        content: project::write(
            &scope,
            Options {
                seed_text,
                ..options
            },
        ),
        ..named(library, &scope, format, only, options)
    }
}

/// What an export holds ([`ExportScope::new`]): everything, or only the exporter's own work
/// ([`ExportScope::keep_own`]) unless `options.everything`.
fn scope<'a>(library: &'a Library, only: Option<&str>, options: Options) -> ExportScope<'a> {
    let mut scope = ExportScope::new(library, only);
    if !options.everything {
        scope.keep_own(options.annotator_id);
    }
    scope
}

/// An export's name, media type and count, its content empty.
fn named(
    library: &Library,
    scope: &ExportScope,
    format: Format,
    only: Option<&str>,
    options: Options,
) -> ExportFile {
    // A document that is not here is one whose orphans wait for its text.
    let title = only.map(|id| {
        library
            .document(id)
            .map_or("waiting for their text", |d| d.title.as_str())
    });
    // The project's JSON and W3C carry orphans; doccano needs each text (an orphan's is
    // not here), and a CSV row, a REFI-QDA selection or a brat line is a placed passage.
    let orphans = match format {
        Format::Project | Format::W3c => scope.orphans.len(),
        _ => 0,
    };
    ExportFile {
        convert: None,
        file_name: file_name(format, title, options.annotator, options.now),
        mime: format.mime(),
        content: String::new(),
        annotations: scope.annotations.len() + orphans,
    }
}

/// Everything, as the project's JSON, with its file name `(file name, JSON)`: the rescue
/// offered when saving fails and when the app crashes. It holds every annotation, whoever
/// made it (`everything`), since it is the user's whole work. `now` is milliseconds since
/// the epoch.
pub fn backup(library: &Library, settings: &Settings, now: i64) -> (String, String) {
    let annotator = settings.annotator.as_str();
    let json = project::write(
        &ExportScope::new(library, None),
        Options {
            seed_text: false,
            now,
            annotator,
            annotator_id: &settings.annotator_id,
            assignment: None,
            everything: true,
        },
    );
    (file_name(Format::Project, None, annotator, now), json)
}
