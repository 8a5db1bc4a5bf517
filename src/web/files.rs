//! Files coming in: reading the files the user opens or drops (documents to add,
//! annotation files to import, told apart by name). Files going out are the core's
//! `Effect::Download`, which [`super::effects`] hands to the browser.

use crate::document::Document;
use crate::extract::{Kind, SourceFile};
use crate::formats::exchange::{is_exchange_file, stem};
use crate::session::Level;
use crate::state::Action;
use crate::text::isolate;
use crate::web::app_state::{AppContext, AppState};
use crate::web::platform;
use web_sys::FileList;
use yew::prelude::*;

/// Reads the chosen or dropped files and adds those that are text; every refused file gets a
/// message naming it and the reason, and changes nothing else.
pub fn open_file_vec(files: Vec<web_sys::File>, dispatcher: UseReducerDispatcher<AppState>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut docs = Vec::new();
        for file in files {
            let name = file.name();
            if let Err(e) = Document::check_file(&name, file.size() as usize) {
                dispatcher.dispatch(Action::Notify(Level::Refused, e.to_string()));
                continue;
            }
            let blob = gloo::file::Blob::from(file);
            match gloo::file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => match open_bytes(&name, bytes, &dispatcher).await {
                    Ok(doc) => docs.push(doc),
                    Err((level, e)) => dispatcher.dispatch(Action::Notify(level, e)),
                },
                Err(e) => dispatcher.dispatch(Action::Notify(
                    Level::Refused,
                    t!(
                        "open-unreadable",
                        name = isolate(&name),
                        reason = e.to_string()
                    ),
                )),
            }
        }
        if docs.is_empty() {
            // Refused or cancelled: the keyboard goes on from the button that opened the
            // files, once the progress notice (and its Cancel, if it had focus) is gone.
            gloo::timers::callback::Timeout::new(0, || {
                crate::web::scroll::refocus_if_lost("file-input-button")
            })
            .forget();
        } else {
            dispatcher.dispatch(Action::AddDocuments(docs));
        }
    });
}

/// Makes a document of a file's bytes, by what its first bytes say it is
/// ([`Kind::sniff`]): plain text and Markdown as they are, the other kinds through their
/// readers (a PDF's shows its progress through `dispatcher`). `Err` is the message to show,
/// naming the file, as an error, or as information when the user cancelled the reading.
pub async fn open_bytes(
    name: &str,
    bytes: Vec<u8>,
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Document, (Level, String)> {
    let refused = |e: String| (Level::Refused, e);
    // An OpenDocument's `mimetype` entry ends at byte 77 ([`Kind::sniff`]).
    let kind = Kind::sniff(name, &bytes[..bytes.len().min(128)]);
    let extracted = match kind {
        Some(kind @ (Kind::Pdf | Kind::Docx | Kind::Odt | Kind::Html)) => {
            super::readers::extract(kind, name, &bytes, dispatcher).await?
        }
        Some(Kind::Text | Kind::Markdown) | None => {
            return Document::from_file(platform::new_id(), name, bytes)
                .map_err(|e| refused(e.to_string()))
        }
    };
    let kind = kind.unwrap_or(Kind::Text);
    let source = SourceFile {
        name: name.to_string(),
        media_type: kind.media_type().to_string(),
        size: bytes.len(),
        sha256: crate::text::sha256_hex_bytes(&bytes),
    };
    Document::from_extracted(platform::new_id(), source, extracted)
        .map_err(|e| refused(e.to_string()))
}

/// True for file names that import reads (the rest are documents): the JSON family this
/// module reads itself, and other tools' formats ([`is_exchange_file`]).
pub fn is_annotation_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".json", ".jsonld", ".jsonl", ".ndjson"]
        .iter()
        .any(|e| lower.ends_with(e))
        || is_exchange_file(name)
}

/// How many annotations are placed between two looks at the clock: a few milliseconds.
const STEP: usize = 250;
/// How long placing may hold the page before it yields (to paint the progress line and
/// take input). Yielding after every step cost more than the work: each yield is a
/// frame of the whole page, and an import of 10,000 made twenty of them.
const BUDGET_MS: i64 = 40;

/// Reads annotation files one after the other and imports each, showing progress and
/// yielding to the browser between steps so the page stays responsive. Each file is
/// planned against the state when the import began; applying the plan checks again for
/// what arrived in the meantime.
pub fn import_files(files: Vec<web_sys::File>, app: AppContext) {
    use crate::formats::import::MAX_IMPORT_BYTES;
    use crate::session::Progress;
    let dispatcher = app.dispatcher();
    wasm_bindgen_futures::spawn_local(async move {
        let (other, files): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| {
            let name = f.name();
            is_exchange_file(&name) || name.to_ascii_lowercase().ends_with(".txt")
        });
        // Other tools' files are read by the second module into the project's JSON, then
        // imported as that JSON, under their own names.
        let mut converted = Vec::new();
        if !other.is_empty() {
            dispatcher.dispatch(Action::Progress(Some(Progress {
                label: t!("import-reading-files"),
                done: 0,
                total: 0,
                percent: false,
            })));
            converted = crate::web::readers::import_other_files(other).await;
            dispatcher.dispatch(Action::Progress(None));
        }
        let mut pending: Vec<(String, Source)> = files
            .into_iter()
            .map(|f| (f.name(), Source::File(f)))
            .collect();
        for (name, read) in converted {
            match read {
                Ok(json) => pending.push((name, Source::Converted(json.into_bytes()))),
                Err(e) => dispatcher.dispatch(Action::Notify(Level::Refused, e)),
            }
        }
        for (name, source) in pending {
            let file = match source {
                Source::File(f) => f,
                Source::Converted(bytes) => {
                    import_bytes(&name, bytes, true, &app).await;
                    continue;
                }
            };
            let size = file.size() as usize;
            if size > MAX_IMPORT_BYTES {
                dispatcher.dispatch(Action::Notify(Level::Refused, {
                    let (size, limit) = crate::document::size_and_limit(size, MAX_IMPORT_BYTES);
                    let name = isolate(&name);
                    t!("import-too-large", name = name, size = size, limit = limit)
                }));
                continue;
            }
            // Shown while the file is read (the browser reads it in the background and
            // paints meanwhile).
            dispatcher.dispatch(Action::Progress(Some(Progress {
                label: t!("open-reading", name = isolate(&name)),
                done: 0,
                total: 0,
                percent: false,
            })));
            let bytes =
                match gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file)).await {
                    Ok(b) => b,
                    Err(e) => {
                        dispatcher.dispatch(Action::Progress(None));
                        dispatcher.dispatch(Action::Notify(
                            Level::Refused,
                            t!(
                                "open-unreadable",
                                name = isolate(&name),
                                reason = e.to_string()
                            ),
                        ));
                        continue;
                    }
                };
            import_bytes(&name, bytes, false, &app).await;
        }
    });
}

/// A file to import: as chosen, or already read into the project's JSON.
enum Source {
    File(web_sys::File),
    Converted(Vec<u8>),
}

/// Imports one file's bytes: read in slices, planned in steps, applied as one step. The
/// project's JSON is read here; any other file of the JSON family (W3C, doccano) is read
/// by the readers' module into the project's JSON, then read here as that file.
/// `converted`: the bytes are the readers' module's JSON of another tool's file, whose size
/// was checked when chosen ([`Reading::converted`](crate::formats::reading::Reading::converted)).
async fn import_bytes(name: &str, bytes: Vec<u8>, converted: bool, app: &AppContext) {
    use crate::formats::planner::Planner;
    use crate::session::Progress;
    let dispatcher = app.dispatcher();
    let name = name.to_string();
    let incoming = match read_own(&name, bytes, converted, &dispatcher).await {
        Ok(read) => read,
        Err(bytes) => {
            match crate::web::readers::import_json_file(&name, bytes, &dispatcher).await {
                Ok(json) => read_own(&name, json, true, &dispatcher)
                    .await
                    .unwrap_or_else(|_| {
                        let problem = t!("fmt-json-unknown");
                        Err(crate::formats::import::ImportError {
                            file: name.clone(),
                            problem,
                        })
                    }),
                Err(message) => {
                    dispatcher.dispatch(Action::Progress(None));
                    dispatcher.dispatch(Action::Notify(Level::Refused, message));
                    return;
                }
            }
        }
    };
    let seed = platform::new_id();
    let mut n = 0;
    let mut new_id = move || {
        n += 1;
        crate::formats::derived_uuid(&format!("{seed}/{n}"))
    };
    let mut planner = match incoming {
        Ok(incoming) => Planner::new(&name, incoming, &app.model.library, platform::now()),
        Err(e) => {
            dispatcher.dispatch(Action::Progress(None));
            dispatcher.dispatch(Action::Notify(Level::Refused, e.to_string()));
            return;
        }
    };
    let mut since = platform::now();
    let planned = loop {
        match planner.step(STEP, &mut new_id) {
            Ok(false) => {}
            Ok(true) => break Ok(planner.finish()),
            Err(e) => break Err(e),
        }
        if platform::now() - since >= BUDGET_MS {
            let (what, done, total) = planner.progress();
            dispatcher.dispatch(Action::Progress(Some(Progress {
                label: t!("import-progress", name = isolate(&name), what = what),
                done,
                total,
                percent: false,
            })));
            gloo::timers::future::TimeoutFuture::new(0).await;
            since = platform::now();
        }
    };
    match planned {
        Err(e) => dispatcher.dispatch(Action::Notify(Level::Refused, e.to_string())),
        Ok(plan) => dispatcher.dispatch(Action::Import(Box::new(plan))),
    }
    dispatcher.dispatch(Action::Progress(None));
}

/// Reads a file as the project's JSON, in slices, yielding like the placing in
/// [`import_bytes`] (a 50 MB file is scanned and read a few milliseconds at a time); the
/// bytes are the reading's, dropped with it. `Err(bytes)`: not the project's JSON.
async fn read_own(
    name: &str,
    bytes: Vec<u8>,
    converted: bool,
    dispatcher: &UseReducerDispatcher<AppState>,
) -> Result<Result<crate::formats::incoming::Incoming, crate::formats::import::ImportError>, Vec<u8>>
{
    use crate::formats::reading::Reading;
    use crate::session::Progress;
    let mut reading = match converted {
        true => Reading::converted(name, bytes),
        false => Reading::own(name, bytes),
    };
    let reading_label = t!("open-reading", name = isolate(name));
    let mut since = platform::now();
    // Never backwards: the reading's stages count its bytes differently.
    let mut shown = 0;
    while !reading.step() {
        if platform::now() - since >= BUDGET_MS {
            shown = reading.done().max(shown);
            dispatcher.dispatch(Action::Progress(Some(Progress {
                label: reading_label.clone(),
                done: shown,
                total: reading.total(),
                percent: true,
            })));
            gloo::timers::future::TimeoutFuture::new(0).await;
            since = platform::now();
        }
    }
    reading.finish_own()
}

/// Splits a file list: annotation files to import, the rest to open as documents.
pub fn open_or_import(files: FileList, app: AppContext) {
    open_or_import_vec(
        (0..files.length()).filter_map(|i| files.get(i)).collect(),
        app,
    )
}

/// [`open_or_import`] of chosen files: the library's *Open files…* opens an assignment
/// (the project's JSON) like a document.
pub fn open_or_import_vec(all: Vec<web_sys::File>, app: AppContext) {
    let dispatcher = app.dispatcher();
    // A text beside a brat `.ann` of the same stem is that annotation file's text.
    let ann_stems: Vec<String> = all
        .iter()
        .map(|f| f.name())
        .filter(|n| n.to_ascii_lowercase().ends_with(".ann"))
        .map(|n| stem(&n).to_string())
        .collect();
    let (imports, docs): (Vec<_>, Vec<_>) = all.into_iter().partition(|f| {
        let name = f.name();
        is_annotation_file(&name)
            || (name.to_ascii_lowercase().ends_with(".txt")
                && ann_stems.iter().any(|s| s == stem(&name)))
    });
    if !imports.is_empty() {
        import_files(imports, app.clone());
    }
    if !docs.is_empty() {
        open_file_vec(docs, dispatcher);
    }
}
