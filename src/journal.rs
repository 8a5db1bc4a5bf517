//! The journal of unsaved work: what the app has applied but not yet stored, kept where it
//! survives the page (the shell writes it to `localStorage`), and the sentence the next start
//! says when a session ended before its changes were stored.
//!
//! Each change that storage must carry gets a sequence number; the journal holds the numbers
//! not yet known to be stored, with what they were (an import of a file, or edits). Every write
//! to IndexedDB also stores the highest number it carried (`storage::StoredCommit`) in the same
//! transaction, so at the next start an entry at or below that number was stored even if the
//! page closed between the commit and the journal being cleared; only the rest was lost.

/// The `localStorage` key of the journal.
pub const KEY: &str = "gcm-annotator.journal";

/// What a pending change was, as the user would name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// An import of `annotations` annotations (orphans included) from the file `file`.
    Import { file: String, annotations: usize },
    /// `count` changes to annotations or documents (a create, an edit, a delete each; an undo
    /// or redo counts what it changed).
    Changes { count: usize },
}

/// One pending change or run of changes: sequence numbers `first..=last` (one per change
/// the shell pushed to storage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub first: u64,
    pub last: u64,
    pub what: Pending,
}

/// What is applied and not yet stored, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journal {
    pub entries: Vec<Entry>,
}

impl Journal {
    /// Reads the journal as the shell stored it ([`Journal::to_text`]); a line that cannot
    /// be read is passed over (the journal is advice about a past session, never the
    /// user's work itself).
    pub fn parse(text: &str) -> Journal {
        let entries = text
            .lines()
            .filter_map(|line| {
                let mut f = line.splitn(5, ' ');
                let first = f.next()?.parse().ok()?;
                let last = f.next()?.parse().ok()?;
                let kind = f.next()?;
                let n = f.next()?.parse().ok()?;
                let what = match kind {
                    "import" => Pending::Import {
                        file: f.next().unwrap_or_default().to_string(),
                        annotations: n,
                    },
                    "changes" => Pending::Changes { count: n },
                    _ => return None,
                };
                Some(Entry { first, last, what })
            })
            .collect();
        Journal { entries }
    }

    /// The journal as stored, a line per entry (`first last import n file` or `first last
    /// changes n`); `None` when nothing is pending (the shell removes the key). A plain
    /// format rather than serde's: the derive cost the first load some kilobytes.
    pub fn to_text(&self) -> Option<String> {
        (!self.entries.is_empty()).then(|| {
            self.entries
                .iter()
                .map(|e| match &e.what {
                    Pending::Import { file, annotations } => format!(
                        "{} {} import {annotations} {}",
                        e.first,
                        e.last,
                        file.replace(['\n', '\r'], " ")
                    ),
                    Pending::Changes { count } => {
                        format!("{} {} changes {count}", e.first, e.last)
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// The highest sequence number in the journal (0 when empty).
    pub fn last_seq(&self) -> u64 {
        self.entries.last().map_or(0, |e| e.last)
    }

    /// Adds a change with sequence number `seq`. Runs of edits merge into one entry, so that
    /// 300 quick edits keep the journal one line long (it is rewritten on every change).
    pub fn record(&mut self, seq: u64, what: Pending) {
        if let (
            Some(Entry {
                last,
                what: Pending::Changes { count },
                ..
            }),
            Pending::Changes { count: more },
        ) = (self.entries.last_mut(), &what)
        {
            *last = seq;
            *count += more;
            return;
        }
        self.entries.push(Entry {
            first: seq,
            last: seq,
            what,
        });
    }

    /// Forgets what is stored: every change up to and including `seq`. A run of edits that
    /// was stored in part keeps its rest, counted by sequence numbers.
    pub fn stored_through(&mut self, seq: u64) {
        self.entries.retain_mut(|e| {
            if e.last <= seq {
                return false;
            }
            if e.first <= seq {
                if let Pending::Changes { count } = &mut e.what {
                    // One sequence number per push; a push can carry several changes, so
                    // keep at least one.
                    let stored = (seq + 1 - e.first) as usize;
                    *count = count.saturating_sub(stored).max(1);
                }
                e.first = seq + 1;
            }
            true
        });
    }

    /// What a start should say about the last session: `None` when everything it applied was
    /// stored (`committed` is the highest sequence number the store holds).
    pub fn lost(&self, committed: u64) -> Option<String> {
        let mut rest = self.clone();
        rest.stored_through(committed);
        if rest.entries.is_empty() {
            return None;
        }
        let mut said = Vec::new();
        let mut changes = 0;
        for e in &rest.entries {
            match &e.what {
                Pending::Import { file, annotations } => said.push(t!(
                    "import-lost",
                    count = *annotations,
                    name = crate::text::isolate(&crate::text::clip(file, 80))
                )),
                Pending::Changes { count } => changes += count,
            }
        }
        if changes > 0 {
            said.push(t!("save-lost", count = changes));
        }
        Some(said.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(n: usize) -> Pending {
        Pending::Import {
            file: "x.json".into(),
            annotations: n,
        }
    }

    #[test]
    fn an_import_that_was_not_stored_is_named_with_its_file_and_size() {
        let mut j = Journal::default();
        j.record(1, import(50_000));
        assert_eq!(
            j.lost(0).unwrap(),
            "The last import of 50000 annotations from “\u{2068}x.json\u{2069}” was not saved; import the file again."
        );
    }

    #[test]
    fn what_the_store_committed_is_not_reported_even_if_the_journal_kept_it() {
        let mut j = Journal::default();
        j.record(1, import(10));
        j.record(2, Pending::Changes { count: 1 });
        assert_eq!(j.lost(2), None);
        assert!(j
            .lost(1)
            .unwrap()
            .starts_with("Your last change was not saved"));
    }

    #[test]
    fn runs_of_edits_merge_and_are_cleared_in_part() {
        let mut j = Journal::default();
        for seq in 1..=300 {
            j.record(seq, Pending::Changes { count: 1 });
        }
        assert_eq!(j.entries.len(), 1);
        assert!(j.lost(0).unwrap().starts_with("Your last 300 changes"));
        j.stored_through(100);
        assert!(j.lost(0).unwrap().starts_with("Your last 200 changes"));
        j.stored_through(300);
        assert_eq!(j.to_text(), None);
    }

    #[test]
    fn the_journal_round_trips_and_garbage_reads_as_empty() {
        let mut j = Journal::default();
        j.record(4, import(1));
        j.record(5, Pending::Changes { count: 3 });
        j.record(
            6,
            Pending::Import {
                file: "my file 😀.json".into(),
                annotations: 2,
            },
        );
        assert_eq!(Journal::parse(&j.to_text().unwrap()), j);
        assert_eq!(j.last_seq(), 6);
        assert_eq!(Journal::parse("{not json"), Journal::default());
    }

    #[test]
    fn an_import_names_its_file_and_size_first_among_its_effects() {
        use crate::effect::Effect;
        use crate::formats::{export::export, ExportScope, Format, Options};
        use crate::state::{Action, Model};
        use crate::text::Cp;
        let seed = "seed-87ef9370e957a8a4";
        let mut made = Model::default();
        made.apply(Action::SetAnnotator("Ana".into()));
        for (i, start) in [280, 400].into_iter().enumerate() {
            made.apply(Action::Create {
                document: seed.into(),
                start: Cp(start),
                end: Cp(start + 10),
                id: format!("a{i}"),
                tags: vec!["objective-23".into()],
                note: String::new(),
                now: 1,
            });
        }
        let file = export(
            Format::Project,
            &ExportScope::new(&made.library, Some(seed)),
            Options::default(),
        );
        let mut ids = 0;
        let mut new_id = || {
            ids += 1;
            format!("new-{ids}")
        };
        let effects = Model::default()
            .import_file("class 😀.json", file.as_bytes(), &mut new_id, 2)
            .unwrap();
        assert_eq!(effects[0], Effect::imported("class 😀.json", 2));
    }

    #[test]
    fn thousands_are_grouped() {
        use crate::text::thousands;
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(218_000), "218,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
