//! Placing one parsed annotation in its document for the import planner
//! ([`super::planner`]): a duplicate is skipped, a passage found in its text is added (at
//! its position, by its quote, or approximately: [`crate::anchoring`]), a tag of a whole
//! document is added to its document, and what cannot be placed is kept as an orphan.

use super::import::has_markup;
use super::incoming::InAnnotation;
use super::plan::Plan;
use crate::anchoring::{anchor, Anchor, Selector};
use crate::annotation::{excerpt, Annotation, Millis, Origin, Seen, CONTEXT_CPS};
use crate::codes::Codebook;
use crate::text::{Cp, DocText};

/// A document the file names, as the planner resolved it: our id for it if any, and its
/// text here if any.
pub(super) struct Resolved {
    pub(super) id: Option<String>,
    pub(super) text: Option<DocText>,
}

/// Places one annotation: a duplicate is skipped, an annotation found in its text is added,
/// one that is not becomes an orphan. `resolved` is its document as resolved, `file_text`
/// the text the file carries for it, `file_annotator` the file's annotator's name and id
/// (taken when the annotation names none). Its origin is [`Origin::Imported`], but for a
/// given example ([`Origin::Given`]), which stays one.
#[allow(clippy::too_many_arguments)]
pub(super) fn place(
    a: InAnnotation,
    plan: &mut Plan,
    resolved: Option<&Resolved>,
    file_text: Option<&DocText>,
    seen: &mut Seen,
    file_annotator: (&str, &str),
    book: &Codebook,
    new_id: &mut dyn FnMut() -> String,
    now: Millis,
) {
    let doc_id = resolved.and_then(|r| r.id.as_deref());
    let text = resolved.and_then(|r| r.text.as_ref());
    // The quote and context: as stored, or cut from the file's own text (doccano), or from
    // the text here.
    let (quote, prefix, suffix) = match (a.quote, a.start, a.end) {
        (Some(q), _, _) => (q, a.prefix, a.suffix),
        (None, Some(s), Some(e)) => file_text
            .or(text)
            .and_then(|t| t.context(Cp(s), Cp(e), CONTEXT_CPS))
            .map(|(p, q, x)| (q.to_string(), p.to_string(), x.to_string()))
            .unwrap_or_default(),
        _ => Default::default(),
    };
    if [
        quote.as_str(),
        a.note.as_str(),
        a.annotator.as_deref().unwrap_or(""),
    ]
    .iter()
    .any(|s| has_markup(s))
    {
        plan.markup_fields += 1;
    }
    let tags = book.normalize(&a.tags).unwrap_or_default();
    let id =
        a.id.filter(|id| !id.trim().is_empty())
            .unwrap_or_else(&mut *new_id);
    let document = doc_id.map_or(a.doc_key, str::to_string);
    let (start, end) = (Cp(a.start.unwrap_or(0)), Cp(a.end.unwrap_or(0)));
    let searched = a.start.is_some();
    let anchored = match text {
        Some(t) if !quote.is_empty() => anchor(
            t,
            &Selector {
                quote: &quote,
                prefix: &prefix,
                suffix: &suffix,
                position: a.start.zip(a.end).map(|(s, e)| (Cp(s), Cp(e))),
            },
        ),
        _ => Anchor::Orphan,
    };
    let created = a.created.unwrap_or(now);
    let base = Annotation {
        id,
        document,
        start,
        end,
        quote,
        prefix,
        suffix,
        tags,
        note: a.note.trim().to_string(),
        created,
        updated: a.updated.unwrap_or(created).max(created),
        annotator: a
            .annotator
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| file_annotator.0.to_string()),
        annotator_id: a
            .annotator_id
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| file_annotator.1.to_string()),
        origin: match a.origin {
            Some(Origin::Given) => Origin::Given,
            _ => Origin::Imported,
        },
        provenance: None,
        whole_document: a.whole_document,
    };
    if base.whole_document {
        let placed = text.is_some();
        let base = Annotation {
            start: Cp(0),
            end: Cp(0),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            ..base
        };
        let fresh = match placed {
            true => seen.admit(&base, Cp(0), Cp(0)),
            false => seen.admit_id(&base.id),
        };
        match (fresh, placed) {
            (false, _) => plan.skipped.push("a tag of a whole document".into()),
            (true, true) => plan.annotations.push(base),
            (true, false) => plan.orphans.push(base),
        }
        return;
    }
    let placed = match (anchored, text) {
        (Anchor::Orphan, _) | (_, None) => None,
        (found, Some(t)) => found.span().and_then(|(s, e)| {
            // After approximate anchoring the quote is what the text now says there; the
            // context is always the text's own.
            let (p, q, x) = t.context(s, e, CONTEXT_CPS)?;
            Some((found, s, e, p, q, x))
        }),
    };
    // Duplicates, judged where the annotation lands: the same id, or the same placed span
    // and tags in the same document. (Judged before placing, every annotation that carries
    // only a quote counted as the span 0..0, and the second of two was dropped.) An orphan
    // is a duplicate by its id alone.
    let (key_start, key_end) = placed.as_ref().map_or((Cp(0), Cp(0)), |p| (p.1, p.2));
    let fresh = match &placed {
        Some(_) => seen.admit(&base, key_start, key_end),
        None => seen.admit_id(&base.id),
    };
    if !fresh {
        plan.skipped
            .push(format!("“\u{2068}{}\u{2069}”", excerpt(&base.quote, 40)));
        return;
    }
    match placed {
        None => plan.orphans.push(base),
        Some((found, start, end, prefix, quote, suffix)) => {
            // Re-anchored: it said where it was, and the text there had changed. An
            // annotation that carries only its quote was searched for by design.
            if searched && !matches!(found, Anchor::Position(..)) {
                plan.reanchored += 1;
            }
            let mut a = Annotation { start, end, ..base };
            for (field, new) in [
                (&mut a.quote, quote),
                (&mut a.prefix, prefix),
                (&mut a.suffix, suffix),
            ] {
                if field != new {
                    *field = new.to_string();
                }
            }
            plan.annotations.push(a);
        }
    }
}
