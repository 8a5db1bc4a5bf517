//! Other tools' files, as the second module (`readers/`) reads and writes them, so that
//! their readers and writers are not in the app's first load: which files a user chose go
//! together ([`jobs`]: brat's `.ann` with its `.txt`), and the conversions between the
//! project's JSON and the other formats ([`convert_export`]). The module's glue inflates
//! zips and parses XML in the browser; the rules are here, tested natively.

use super::incoming::Incoming;
use super::{brat, csv, doccano, project, refi, w3c, ExportScope, Format, Options};

/// What to read from the files a user chose: indices into the list of files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Job {
    /// A REFI-QDA project (`.qdpx`, a zip).
    RefiProject(usize),
    /// A REFI-QDA codebook (`.qdc`, XML).
    RefiCodebook(usize),
    /// A zip of brat files (`.ann`, `.txt`, `annotation.conf`, `visual.conf`).
    BratZip(usize),
    /// brat's `.ann` files with their `.txt` (and any `.conf` chosen with them), named after
    /// the first `.ann`.
    Brat(Vec<usize>),
    /// The app's CSV.
    Csv(usize),
    /// A file that cannot be read on its own, and why.
    Refused(usize, String),
}

fn ext(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The stem of a file name (`a.b.ann` → `a.b`): what pairs brat's `.ann` with its `.txt`.
pub fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// True for the files the second module reads on their own or in a group ([`jobs`]):
/// REFI-QDA projects and codebooks, brat's `.ann` or a zip of them, and CSV.
pub fn is_exchange_file(name: &str) -> bool {
    matches!(ext(name).as_str(), "qdpx" | "qdc" | "ann" | "zip" | "csv")
}

/// Groups the files chosen (by name) into what to read: each `.qdpx`, `.qdc`, `.zip` and
/// `.csv` on its own; every `.ann` with the `.txt` of the same stem (and the `.conf` files
/// chosen) as one brat job; a `.txt` without its `.ann` is refused with the reason.
pub fn jobs(names: &[String]) -> Vec<Job> {
    let mut out = Vec::new();
    let mut brat_files = Vec::new();
    let anns: Vec<&str> = names
        .iter()
        .filter(|n| ext(n) == "ann")
        .map(|n| stem(n))
        .collect();
    for (i, name) in names.iter().enumerate() {
        match ext(name).as_str() {
            "qdpx" => out.push(Job::RefiProject(i)),
            "qdc" => out.push(Job::RefiCodebook(i)),
            "zip" => out.push(Job::BratZip(i)),
            "csv" => out.push(Job::Csv(i)),
            "ann" | "conf" | "tsv" => brat_files.push(i),
            "txt" if anns.contains(&stem(name)) => brat_files.push(i),
            "txt" => out.push(Job::Refused(i, t!("read-lone-text"))),
            _ => out.push(Job::Refused(i, t!("read-unknown-file"))),
        }
    }
    if brat_files.iter().any(|&i| ext(&names[i]) == "ann") {
        out.push(Job::Brat(brat_files));
    } else {
        out.extend(
            brat_files
                .into_iter()
                .map(|i| Job::Refused(i, t!("read-brat-lone-conf"))),
        );
    }
    out
}

/// The file a job is named after in messages: its own, or a brat job's first `.ann`.
pub fn job_file(job: &Job, names: &[String]) -> String {
    let i = match job {
        Job::RefiProject(i)
        | Job::RefiCodebook(i)
        | Job::BratZip(i)
        | Job::Csv(i)
        | Job::Refused(i, _) => *i,
        Job::Brat(files) => files
            .iter()
            .copied()
            .find(|&i| ext(&names[i]) == "ann")
            .unwrap_or(files[0]),
    };
    names[i].clone()
}

/// Reads files that need no inflating: a brat job's texts or a CSV, into the neutral form.
pub fn read_texts(job: &Job, files: Vec<(String, String)>) -> Result<Incoming, String> {
    match job {
        Job::Csv(_) => {
            let text = files.into_iter().next().map(|(_, t)| t).unwrap_or_default();
            csv::read(&text)
        }
        _ => brat::read(files),
    }
}

/// A file's bytes as UTF-8 text without a byte-order mark. `Err` names the file's problem.
pub fn utf8(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let mut text = String::from_utf8(bytes).map_err(|_| t!("read-not-utf8", name = name))?;
    if text.starts_with('\u{feff}') {
        text.remove(0);
    }
    Ok(text)
}

/// A file read by the second module, handed to the app as the project's JSON
/// ([`super::exported::write_incoming`]), which the app imports as it imports its own files.
pub fn to_project_json(incoming: &Incoming) -> String {
    super::exported::write_incoming(incoming)
}

/// Converts an export staged as the project's JSON ([`super::export::stage`]) to `format`:
/// the bytes of the file to download. `Err` is the reason.
pub fn convert_export(format: Format, json: &str, options: Options) -> Result<Vec<u8>, String> {
    let exported = super::exported::read_export(json)?;
    let scope: ExportScope = exported.scope();
    // The staged file carries the exporter's id and assignment (the browser's call between
    // the modules passes only the name), and holds only what the export holds already.
    let options = Options {
        annotator_id: exported
            .annotator_id
            .as_deref()
            .unwrap_or(options.annotator_id),
        assignment: options.assignment.or(exported.assignment.as_deref()),
        ..options
    };
    Ok(match format {
        Format::Project => project::write(&scope, options).into_bytes(),
        Format::W3c => w3c::write(&scope, options).into_bytes(),
        Format::Doccano => doccano::write(&scope, options).into_bytes(),
        Format::Csv => csv::write(&scope, options).into_bytes(),
        Format::Refi => refi::write_project(&scope, options)?,
        Format::Brat => brat::write(&scope, options)?,
        Format::RefiCodebook => refi::write_codebook(&exported.codebook, options).into_bytes(),
        // Written by Compare from its table, never from an export's scope.
        Format::Agreement => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn brat_files_go_together_and_a_lone_text_is_refused() {
        let n = names(&[
            "a.ann",
            "a.txt",
            "b.TXT",
            "project.qdpx",
            "annotation.conf",
            "codes.qdc",
            "table.csv",
            "brat.zip",
            "x.pdf",
        ]);
        let jobs = jobs(&n);
        assert!(jobs.contains(&Job::Brat(vec![0, 1, 4])));
        assert!(matches!(&jobs[0], Job::Refused(2, r) if r.contains("without a brat .ann")));
        assert!(jobs.contains(&Job::RefiProject(3)));
        assert!(jobs.contains(&Job::RefiCodebook(5)));
        assert!(jobs.contains(&Job::Csv(6)));
        assert!(jobs.contains(&Job::BratZip(7)));
        assert!(jobs.iter().any(|j| matches!(j, Job::Refused(8, _))));
        assert_eq!(job_file(&Job::Brat(vec![4, 0, 1]), &n), "a.ann");
        assert!(matches!(&jobs_only_conf()[0], Job::Refused(0, r) if r.contains("configuration")));
    }

    fn jobs_only_conf() -> Vec<Job> {
        jobs(&names(&["visual.conf"]))
    }
}
