//! The migrations of a record from one schema version to the next that [`super::decode`]
//! applies ([`super::migrate_1_to_2`], which depends on the kind of record, stays with it),
//! and the migration of a version-5 annotation once its settings are read.

use crate::annotation::{Annotation, Origin as AnnotationOrigin};
use crate::session::Settings;
use std::borrow::Cow;

/// Version 2 to 3: the same text. Schema 3 adds only optional fields to documents (the
/// source file and the page starts), which a version-2 record reads without.
pub fn migrate_2_to_3(json: Cow<'_, str>) -> Cow<'_, str> {
    json
}

/// Version 3 to 4: the same text. Schema 4 adds a record (the codebook) and an optional
/// field of annotations (`whole_document`), which a version-3 record reads without.
pub fn migrate_3_to_4(json: Cow<'_, str>) -> Cow<'_, str> {
    json
}

/// Version 4 to 5: the same text. Schema 5 adds records (the undo history's), which a
/// version-4 store has none of: its history is empty.
pub fn migrate_4_to_5(json: Cow<'_, str>) -> Cow<'_, str> {
    json
}

/// Version 5 to 6, on the text: the same text. Schema 6 adds optional fields
/// (`annotator_id` of settings and annotations, `origin` of annotations); what an
/// annotation's origin was is decided once the settings are read ([`migrate_5_to_6`]).
pub fn migrate_5_to_6_text(json: Cow<'_, str>) -> Cow<'_, str> {
    json
}

/// Version 5 to 6 of an annotation, with the settings it was stored beside (their
/// annotator id already made): a record with no origin and no maker's id (what version 5
/// stored; version 6 never makes one: every annotation made here has this profile's id) is
/// this profile's work when its annotator's name is the settings' (not empty, ignoring
/// surrounding space), [`Origin::Here`] with the profile's id; any other was imported
/// ([`Origin::Imported`], maker unknown). True when it changed, to be written again.
pub fn migrate_5_to_6(a: &mut Annotation, settings: &Settings) -> bool {
    if a.origin != AnnotationOrigin::Here || !a.annotator_id.is_empty() {
        return false;
    }
    let name = a.annotator.trim();
    if !name.is_empty() && name == settings.annotator.trim() {
        a.annotator_id = settings.annotator_id.clone();
    } else {
        a.origin = AnnotationOrigin::Imported;
    }
    true
}
