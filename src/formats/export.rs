//! Writing an [`ExportScope`] in any [`Format`], and the rescue export of everything.

use super::{csv, doccano, file_name, project, w3c, ExportScope, Format, Options};
use crate::library::Library;

/// Writes a scope in a format.
pub fn export(format: Format, scope: &ExportScope, opts: Options) -> String {
    match format {
        Format::Project => project::write(scope, opts),
        Format::W3c => w3c::write(scope, opts),
        Format::Doccano => doccano::write(scope),
        Format::Csv => csv::write(scope),
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
