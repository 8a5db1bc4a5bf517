//! Messages to the user, and when they leave: a confirmation fades after a few seconds
//! (not while the pointer or the keyboard is on the messages), an error stays until
//! dismissed and is never dropped, and several errors are shown as one message with the
//! list. Time comes in from the shell as [`Millis`]; nothing here reads a clock.

use crate::annotation::Millis;

/// How long a confirmation stays: long enough to read two lines at a calm pace, short
/// enough that four exports in a row do not pile up (Hypothesis and Recogito both use a
/// few seconds).
pub const INFO_MS: Millis = 6_000;

/// How long a confirmation that offers Undo stays: the user must notice the mistake, move
/// to the button and press it.
pub const UNDO_MS: Millis = 10_000;

/// How long a confirmation takes to fade out before it is removed (the stylesheet's
/// transition, `.notice.fading`); none when the user asks for reduced motion.
pub const FADE_MS: Millis = 600;

/// How many confirmations are kept at once; older ones go first. Errors are never dropped.
pub const MAX_INFOS: usize = 3;

/// How many errors are shown one by one; more are shown as one message with their list.
pub const MAX_ERRORS: usize = 2;

/// How much a notice matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A confirmation: it fades by itself.
    Info,
    /// Something went wrong: it stays until dismissed.
    Error,
    /// An error about one file, whose text names the file and the reason: several are
    /// shown as one message ("5 files refused") with the list.
    Refused,
}

/// A message to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub level: Level,
    pub text: String,
    /// Offer an Undo button (after a delete).
    pub offers_undo: bool,
    /// Offer an Export button (after a failed save).
    pub offers_export: bool,
    /// When it was first shown (ms since the epoch); `None` until the shell stamps it.
    pub shown: Option<Millis>,
    /// A confirmation in its last [`FADE_MS`]: drawn fading out.
    pub fading: bool,
}

impl Notice {
    /// An error stays until dismissed; a confirmation fades.
    pub fn stays(&self) -> bool {
        self.level != Level::Info
    }

    /// When a confirmation goes, counted from when it was shown.
    fn deadline(&self) -> Option<Millis> {
        let life = if self.offers_undo { UNDO_MS } else { INFO_MS };
        self.shown.filter(|_| !self.stays()).map(|t| t + life)
    }
}

/// One row of the messages as drawn: a notice, or several errors as one.
#[derive(Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// The notice, or the first of the errors shown as one.
    pub notice: &'a Notice,
    /// What several errors say as one ("5 files refused"); `None` for one notice.
    pub heading: Option<String>,
    /// The errors shown as one; empty for one notice.
    pub list: Vec<&'a Notice>,
}

/// The messages on screen, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u64,
}

impl std::ops::Deref for Notices {
    type Target = [Notice];
    fn deref(&self) -> &[Notice] {
        &self.list
    }
}

impl Notices {
    /// Adds a message; one that offers Undo replaces any earlier such offer. Only the last
    /// [`MAX_INFOS`] confirmations are kept; every error is.
    pub fn push(&mut self, level: Level, text: String, offers_undo: bool, offers_export: bool) {
        if offers_undo {
            self.drop_undo_offers();
        }
        self.next_id += 1;
        self.list.push(Notice {
            id: self.next_id,
            level,
            text,
            offers_undo,
            offers_export,
            shown: None,
            fading: false,
        });
        let infos = self.list.iter().filter(|n| !n.stays()).count();
        if infos > MAX_INFOS {
            if let Some(i) = self.list.iter().position(|n| !n.stays()) {
                self.list.remove(i);
            }
        }
    }

    /// Keeps the messages `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Notice) -> bool) {
        self.list.retain(keep);
    }

    /// Removes the Undo offers of earlier messages (what they offered to undo is gone).
    pub fn drop_undo_offers(&mut self) {
        self.retain(|n| !n.offers_undo);
    }

    /// Removes these messages.
    pub fn dismiss(&mut self, ids: &[u64]) {
        self.retain(|n| !ids.contains(&n.id));
    }

    /// Notes when new messages were first shown.
    pub fn stamp(&mut self, now: Millis) {
        for n in self.list.iter_mut().filter(|n| n.shown.is_none()) {
            n.shown = Some(now);
        }
    }

    /// Removes the confirmations whose time is up at `now`, and marks those about to go as
    /// fading. While the user `held` them (the pointer over the messages, or the focus in
    /// them), none goes: each starts its time again instead (WCAG 2.2.1).
    pub fn expire(&mut self, now: Millis, held: bool) {
        if held {
            for n in self.list.iter_mut().filter(|n| !n.stays()) {
                (n.shown, n.fading) = (Some(now), false);
            }
            return;
        }
        self.list
            .retain(|n| n.deadline().is_none_or(|deadline| deadline > now));
        for n in &mut self.list {
            n.fading = n.deadline().is_some_and(|d| d - FADE_MS <= now);
        }
    }

    /// When [`Notices::expire`] next has something to do, if ever: the shell's one timer.
    pub fn next_change(&self) -> Option<Millis> {
        let at = |n: &Notice| n.deadline().map(|d| if n.fading { d } else { d - FADE_MS });
        self.list.iter().filter_map(at).min()
    }

    /// The rows to draw, oldest first. Errors that offer to export stand alone; the other
    /// errors, when there are more than [`MAX_ERRORS`], are one row, where the first of
    /// them was.
    pub fn rows(&self) -> Vec<Row<'_>> {
        let one = |notice| Row {
            notice,
            heading: None,
            list: vec![],
        };
        let grouped = |n: &&Notice| n.stays() && !n.offers_export;
        let list: Vec<&Notice> = self.list.iter().filter(grouped).collect();
        let files = list.iter().filter(|n| n.level == Level::Refused).count();
        let (Some(&notice), true) = (list.first(), list.len() > MAX_ERRORS) else {
            return self.list.iter().map(one).collect();
        };
        // Plain words, the count first; the list names each file and says why.
        let heading = match files == list.len() {
            true => t!("notice-files-refused", count = files),
            false => t!("notice-problems", count = list.len()),
        };
        let mut group = Some(Row {
            notice,
            heading: Some(heading),
            list,
        });
        let mut rows = Vec::new();
        for n in &self.list {
            if !grouped(&n) {
                rows.push(one(n));
            } else if let Some(g) = group.take() {
                rows.push(g);
            }
        }
        rows
    }
}

#[cfg(test)]
#[path = "notices_tests.rs"]
mod tests;
