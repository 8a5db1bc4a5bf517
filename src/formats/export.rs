//! Writing an [`ExportScope`] in any [`Format`], and the rescue export of everything.

use super::{csv, doccano, file_name, project, w3c, ExportScope, Format, Options};
use crate::library::Library;

/// Writes a scope in a text format. The zip formats ([`Format::is_binary`]: REFI-QDA and
/// brat) are bytes, written by their own modules (`refi::write_project`); for them this
/// returns an empty string, and the caller asks those modules instead.
pub fn export(format: Format, scope: &ExportScope, opts: Options) -> String {
    match format {
        Format::Refi | Format::Brat => String::new(),
        Format::Project => project::write(scope, opts),
        Format::W3c => w3c::write(scope, opts),
        Format::Doccano => doccano::write(scope),
        Format::Csv => csv::write(scope),
    }
}

/// An export ready to hand to the browser.
pub struct ExportFile {
    /// `gcm-<document or all-documents>-<format>-<date>.<ext>` ([`file_name`]).
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
    let scope = ExportScope::new(library, only);
    // A document that is not here is one whose orphans wait for its text.
    let title = only.map(|id| {
        library
            .document(id)
            .map_or("waiting for their text", |d| d.title.as_str())
    });
    // The project's JSON and W3C carry orphans; doccano needs each text (an orphan's is
    // not here), and a CSV row is a placed passage.
    let orphans = match format {
        Format::Project | Format::W3c => scope.orphans.len(),
        _ => 0,
    };
    ExportFile {
        file_name: file_name(format, title, options.now),
        mime: format.mime(),
        content: export(format, &scope, options),
        annotations: scope.annotations.len() + orphans,
    }
}

/// Everything, as the project's JSON, with its file name `(file name, JSON)`: the rescue
/// offered when saving fails and when the app crashes. `now` is milliseconds since the
/// epoch.
pub fn backup(library: &Library, annotator: &str, now: i64) -> (String, String) {
    let json = export(
        Format::Project,
        &ExportScope::new(library, None),
        Options {
            seed_text: false,
            now,
            annotator,
        },
    );
    (file_name(Format::Project, None, now), json)
}
