//! Other tools' files in the browser: REFI-QDA projects and codebooks, brat (a zip, or
//! `.ann` files with their texts) and the app's CSV read into the project's JSON, which the
//! app imports as its own; and exports staged as the project's JSON converted to the other
//! formats. The browser inflates zips (`DecompressionStream`) and parses XML (`DOMParser`);
//! what the files mean is the core's (`gcm_annotator::formats::{exchange, refi, brat}`).

use crate::office::{inflate, parse};
use gcm_annotator::extract::package::{malformed, Package};
use gcm_annotator::formats::exchange::{self, Job};
use gcm_annotator::formats::incoming::Incoming;
use gcm_annotator::formats::refi;
use gcm_annotator::t;
use web_sys::SupportedType;

/// Reads one job of the files chosen (`files`: names and bytes, as chosen).
pub async fn read(job: &Job, files: &[(String, Vec<u8>)]) -> Result<Incoming, String> {
    match job {
        Job::Refused(_, reason) => Err(reason.clone()),
        Job::RefiCodebook(i) => {
            let xml = refi::xml_text("codebook", files[*i].1.clone())?;
            let root =
                parse(&xml, SupportedType::ApplicationXml).map_err(|_| malformed("codebook"))?;
            refi::read_codebook(&root)
        }
        Job::RefiProject(i) => {
            let mut zip = Package::open(&files[*i].1)?;
            let part = refi::project_part(&zip).ok_or_else(refi::no_project)?;
            let xml = refi::xml_text(&part, take(&mut zip, &part).await?)?;
            let root = parse(&xml, SupportedType::ApplicationXml).map_err(|_| malformed(&part))?;
            let project = refi::read_project(&root)?;
            let mut texts = Vec::new();
            for entry in project.sources_needed(&zip) {
                let raw = take(&mut zip, &entry).await?;
                texts.push((entry.clone(), refi::source_text(&entry, raw)?));
            }
            project.into_incoming(texts)
        }
        Job::BratZip(i) => {
            let mut zip = Package::open(&files[*i].1)?;
            let names: Vec<String> = zip
                .names()
                .filter(|n| {
                    let n = n.to_lowercase();
                    [".ann", ".txt", ".conf", ".tsv"]
                        .iter()
                        .any(|e| n.ends_with(e))
                })
                .map(str::to_string)
                .collect();
            let mut texts = Vec::new();
            for entry in names {
                let raw = take(&mut zip, &entry).await?;
                texts.push((entry.clone(), exchange::utf8(&entry, raw)?));
            }
            exchange::read_texts(job, texts)
        }
        Job::Brat(list) => {
            let mut texts = Vec::new();
            for &i in list {
                let (name, bytes) = &files[i];
                texts.push((name.clone(), exchange::utf8(name, bytes.clone())?));
            }
            exchange::read_texts(job, texts)
        }
        Job::Csv(i) => {
            let (name, bytes) = &files[*i];
            let text = exchange::utf8(name, bytes.clone())?;
            exchange::read_texts(job, vec![(name.clone(), text)])
        }
    }
}

/// An entry of a zip, inflated within the archive's budget (a zip bomb is refused).
async fn take(zip: &mut Package<'_>, entry: &str) -> Result<Vec<u8>, String> {
    let part = zip
        .part(entry)?
        .ok_or_else(|| t!("read-missing", entry = entry))?;
    let raw = inflate(&part, zip.budget(), entry).await?;
    zip.spend(raw.len() as u64)?;
    Ok(raw)
}
